package cn.propertycompliance.committee;

import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Committee.Member;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the committee as a whole stands under the tables in force — a derived fact, computed once per evaluation so
 * that the size and party rules of every layer match it instead of each rule recomputing it:
 * <ul>
 *   <li>{@code size}: the number of members against {@code committee.size} ({@link CommitteeSize}, which also reads
 *       the community's households or exclusive area for a small-committee exception), with the value relied on
 *       ({@code sizeRule}); null where no size requirement is in force;</li>
 *   <li>{@code partyShare}: the party-member share against {@code committee.partyShare} ({@link PartyShare}), with
 *       {@code partyShareRule}; null where no party guidance is in force (outside 湖北 and 辽宁).</li>
 * </ul>
 * The tables are read with the request's whole chain at asOf, as every rule read them: a local rule and the national
 * rule it overrides see the same (most specific) value; the agenda decides which of them may fire.
 */
public record CommitteeAssessment(Committee committee, Community community, ParameterValue sizeRule, CommitteeSize size,
                                  ParameterValue partyShareRule, PartyShare partyShare) {

    /**
     * The committee area's derived facts: this assessment, then one {@link MemberAssessment} per member, each followed
     * by a {@link LayerListing} per layer whose own negative list holds the member's conduct.
     *
     * @param community the request's community (always sent); its households and exclusive area decide the
     *                  small-committee exceptions
     */
    public static List<Object> derive(ParameterView params, Committee committee, Community community) {
        List<Object> out = new ArrayList<>(committee.members().size() + 1);
        out.add(of(params, committee, community));
        ParameterValue absenceRule = params.value(AbsenceCheck.TABLE);
        for (Member m : committee.members()) {
            MemberAssessment member = MemberAssessment.of(m, params, absenceRule);
            out.add(member);
            out.addAll(LayerListing.of(member, params));
        }
        return out;
    }

    public static CommitteeAssessment of(ParameterView params, Committee committee, Community community) {
        ParameterValue sizeRule = params.value(CommitteeSize.TABLE);
        ParameterValue shareRule = params.value(PartyShare.TABLE);
        boolean sizeInForce = sizeRule.isAvailable();
        boolean shareInForce = shareRule.isAvailable();
        return new CommitteeAssessment(committee, community,
                sizeInForce ? sizeRule : null, sizeInForce ? CommitteeSize.of(committee, community, sizeRule) : null,
                shareInForce ? shareRule : null, shareInForce ? PartyShare.of(committee, shareRule) : null);
    }

    // Null-safe questions for the rules (no size or party guidance in force: nothing to find), so that a condition
    // reads "sizeInvalid", not Java's null-safe navigation.

    public boolean isSizeInvalid() {
        return size != null && size.isInvalid();
    }

    public boolean isSizeUndetermined() {
        return size != null && size.isUndetermined();
    }

    public boolean isPartyShareBelow() {
        return partyShare != null && partyShare.isBelow();
    }

    public boolean isPartyShareUndetermined() {
        return partyShare != null && partyShare.isUndetermined();
    }

    /** The share is open, or (湖北: the guidance speaks of the chair) the chair's party membership was not sent. */
    public boolean isPartyFactsMissing() {
        return partyShare != null && partyShare.isFactsMissing();
    }
}
