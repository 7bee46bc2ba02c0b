package cn.propertycompliance.committee;

import cn.propertycompliance.facts.Committee.Member;
import cn.propertycompliance.facts.Committee.Role;
import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The party-member share of a committee against the guidance in force ({@code committee.partyShare}: the share
 * {@code numerator}/{@code denominator}, {@code atLeast: true} for "不低于" — exactly the share meets it — and
 * {@code atLeast: false} for a share that must be exceeded). Counted exactly as integers. Members whose party
 * membership was not sent are unknown: the share is BELOW only if it stays below even were they all party members,
 * MET only if it holds even were none of them, and otherwise undetermined.
 */
public record PartyShare(int members, int partyMembers, List<String> unknownMembers, boolean below, boolean met,
                         boolean chairUnknown, String required, ParameterValue rule)
        implements Reportable {

    public static final String TABLE = "committee.partyShare";

    public static PartyShare of(Committee committee, ParameterValue rule) {
        List<Member> all = committee.members();
        int n = all.size();
        int party = (int) all.stream().filter(m -> Boolean.TRUE.equals(m.partyMember())).count();
        List<String> unknown = all.stream().filter(m -> m.partyMember() == null).map(Member::id).toList();
        PartyShareRule r = rule.as(PartyShareRule.class);
        int num = r.numerator();
        int den = r.denominator();
        boolean atLeast = r.atLeast();
        boolean chairUnknown = all.stream().anyMatch(m -> m.role() == Role.CHAIR && m.partyMember() == null);
        return new PartyShare(n, party, unknown, n > 0 && !meets(party + unknown.size(), n, num, den, atLeast),
                n > 0 && meets(party, n, num, den, atLeast), chairUnknown, r.wording(), rule);
    }

    static boolean meets(int party, int n, int num, int den, boolean atLeast) {
        long lhs = (long) party * den;
        long rhs = (long) num * n;
        return atLeast ? lhs >= rhs : lhs > rhs;
    }

    public boolean isBelow() {
        return below;
    }

    /** Neither clearly below nor clearly met: it depends on members whose party membership was not sent. */
    public boolean isUndetermined() {
        return members > 0 && !below && !met;
    }

    public boolean isChairUnknown() {
        return chairUnknown;
    }

    /** The share is open, or the guidance also speaks of the chair and the chair's party membership was not sent. */
    public boolean isFactsMissing() {
        return isUndetermined() || (chairUnknown && Boolean.TRUE.equals(rule.as(PartyShareRule.class).chairPartyMember()));
    }

    /** For messages only (two decimals); the decision above is exact. */
    public BigDecimal getSharePercent() {
        return members == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(partyMembers * 100L).divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** What a share below the guidance falls short of, with the reading of a threshold that has no figure. */
    private String shortfall() {
        String reading = rule.as(PartyShareRule.class).reading();
        return "未达到“" + required + "”" + (reading == null ? "" : "（按本服务的解读：" + reading + "）");
    }

    /** What cannot be said while party memberships are missing. */
    private String question() {
        return "是否达到“" + required + "”"
                + (Boolean.TRUE.equals(rule.as(PartyShareRule.class).chairPartyMember()) ? "、主任是否由党员担任" : "");
    }

    /** The share against the guidance; members whose party membership was not sent, when that leaves it open. */
    @Override
    public void report(Report finding) {
        boolean open = isUndetermined() || chairUnknown;
        finding.source(rule).detail("members", members).detail("partyMembers", partyMembers)
                .detail("sharePercent", getSharePercent()).detail("required", required)
                .detail("shortfall", shortfall()).detail("partyQuestion", question())
                .detail("unknownMembers", unknownMembers.isEmpty() ? null : unknownMembers)
                .detail("missing", open ? "partyMember" : null);
    }
}
