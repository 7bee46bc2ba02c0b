package cn.propertycompliance.parameters;

/** The value type of the tables that hold a number of days (a notice, review or publicity period). */
public record Days(int days) {

    public Days {
        if (days < 0) {
            throw new IllegalArgumentException("field 'days' must be ≥ 0, is " + days);
        }
    }
}
