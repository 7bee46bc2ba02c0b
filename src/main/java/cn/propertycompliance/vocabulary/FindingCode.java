package cn.propertycompliance.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The finding codes of api.md with their fixed area and severity. A rule names its code with {@code @code};
 * the severity therefore cannot drift between jurisdictions.
 */
public enum FindingCode {
    FEE_ABOVE_GUIDANCE_BAND(Area.FEE, Severity.VIOLATION),
    FEE_BELOW_GUIDANCE_BAND(Area.FEE, Severity.VIOLATION),
    FEE_GUIDANCE_PRICE_UNAVAILABLE(Area.FEE, Severity.INDETERMINATE),
    FEE_UNDISCLOSED_ITEM(Area.FEE, Severity.VIOLATION),
    FEE_PRICE_DISPLAY_INCOMPLETE(Area.FEE, Severity.VIOLATION),
    FEE_UNILATERAL_ADJUSTMENT(Area.FEE, Severity.VIOLATION),
    FEE_CHANGE_NOTICE_TOO_SHORT(Area.FEE, Severity.VIOLATION),
    FEE_QUALITY_BELOW_PRICE_TIER(Area.FEE, Severity.WARNING),

    FILING_MISSING(Area.FILING, Severity.VIOLATION),
    FILING_LATE(Area.FILING, Severity.VIOLATION),
    FILING_DUE(Area.FILING, Severity.INFO),
    FILING_NOT_RECORDED(Area.FILING, Severity.WARNING),
    HANDOVER_INSPECTION_TOO_LATE(Area.FILING, Severity.VIOLATION),

    COMMITTEE_MEMBER_NEGATIVE_LIST(Area.COMMITTEE, Severity.VIOLATION),
    COMMITTEE_MEMBER_INELIGIBLE(Area.COMMITTEE, Severity.VIOLATION),
    COMMITTEE_MEMBER_ABSENCE(Area.COMMITTEE, Severity.VIOLATION),
    COMMITTEE_PARTY_RATIO_LOW(Area.COMMITTEE, Severity.WARNING),
    COMMITTEE_CHAIR_NOT_PARTY_MEMBER(Area.COMMITTEE, Severity.WARNING),
    COMMITTEE_SIZE_INVALID(Area.COMMITTEE, Severity.VIOLATION),

    REPAIR_EMERGENCY_ELIGIBLE(Area.REPAIR, Severity.INFO),
    REPAIR_EMERGENCY_EVIDENCE_MISSING(Area.REPAIR, Severity.INDETERMINATE),
    REPAIR_NOT_EMERGENCY(Area.REPAIR, Severity.INFO),
    REPAIR_NOT_FUNDABLE(Area.REPAIR, Severity.VIOLATION),
    REPAIR_PROXY_REPAIR_AVAILABLE(Area.REPAIR, Severity.INFO),
    VOTE_QUORUM_NOT_MET(Area.REPAIR, Severity.VIOLATION),
    VOTE_PASSED(Area.REPAIR, Severity.INFO),
    VOTE_FAILED(Area.REPAIR, Severity.VIOLATION),

    /**
     * Added (any area, named by the rule's {@code @area}): the rule applies, but the value it needs is PENDING or
     * not configured for this region and date (details: parameter, reason).
     */
    PARAMETER_UNAVAILABLE(null, Severity.INDETERMINATE),
    /** Added (any area): the rule applies, but a fact it needs to decide is absent (details: missing). */
    FACTS_INCOMPLETE(null, Severity.INDETERMINATE),
    /**
     * Added (any area; not a rule's: the evaluation's coverage check): the encoded law does not reach the governing
     * date or place — the jurisdiction's encoding of the area does not cover that date and what held then is unknown,
     * or the place has local texts that are not encoded (details: layer, place, span, dates).
     */
    LAW_NOT_COVERED(null, Severity.INDETERMINATE);

    private final Area area;
    private final Severity severity;

    FindingCode(Area area, Severity severity) {
        this.area = area;
        this.severity = severity;
    }

    /** The area this code belongs to, or null for the generic codes a rule places with {@code @area}. */
    public Area area() {
        return area;
    }

    public Severity severity() {
        return severity;
    }

    public static Optional<FindingCode> parse(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
