package cn.propertycompliance.facts;

/**
 * The request's bounds, named once and used in the constraint annotations of the facts records (which are the
 * request model: Bean Validation checks them, springdoc writes them into {@code /v3/api-docs}). Every number has a
 * range and a scale, every string a length and a character class, every list a size; docs/api-guide.md "Limits"
 * lists them for platform developers. The list sizes keep the largest valid request well under the rule-firing cap.
 */
public final class Limits {

    /**
     * Text without control or format characters (U+0000–U+001F, U+007F–U+009F, bidi overrides, zero-width marks):
     * PostgreSQL refuses U+0000, and such characters would rewrite logs and reports.
     */
    public static final String TEXT = "^[^\\p{Cc}\\p{Cf}]*$";
    public static final String REGION_CODE = "^[0-9]{6}$";

    /** A price in 元/㎡·月 (fee guidance prices are quoted to at most three decimals). */
    public static final String MAX_PRICE = "10000";
    public static final int PRICE_INTEGER_DIGITS = 5;
    /** A sum of money in 元 (charged items, repair cost). */
    public static final String MAX_MONEY = "10000000000";
    public static final int MONEY_INTEGER_DIGITS = 11;
    /** An area in ㎡ (a community's exclusive area, a vote's areas). */
    public static final String MAX_AREA = "100000000";
    public static final int AREA_INTEGER_DIGITS = 9;
    /** Decimal places of every price, sum and area. */
    public static final int FRACTION_DIGITS = 4;

    /** Owners or households of one community. */
    public static final long MAX_OWNERS = 1_000_000;
    /** Meetings or absences in twelve months (at most one a day). */
    public static final long MAX_MEETINGS = 366;

    public static final int MAX_ID = 100;
    public static final int MAX_NAME = 200;
    public static final int MAX_PERSONAL = 40;
    public static final int MAX_ITEMS = 100;
    public static final int MAX_EVENTS = 100;
    public static final int MAX_MEMBERS = 50;
    public static final int MAX_CONDUCT = 20;
    public static final int MAX_EVIDENCE = 20;

    /** Dates outside these years are typing errors, and would send the legal calendar looking for holidays of 9999. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    private Limits() {
    }
}
