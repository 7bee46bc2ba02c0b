package cn.propertycompliance.committee;

import cn.propertycompliance.facts.Committee.Member;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.util.HashMap;
import java.util.Map;

/**
 * Where one member stands under the committee tables in force — a derived fact, computed once per evaluation
 * ({@link CommitteeAssessment#derive}) so that the committee rules of every layer match it instead of each rule
 * recomputing the same lookups:
 * <ul>
 *   <li>{@code negativeList}: the reported conduct against {@code committee.negativeList}, each code read at the most
 *       specific layer of the chain that maps it ({@link MemberLists#negativeList});</li>
 *   <li>{@code negativeListOfLayer(code)}: the same conduct against one layer's own entries only
 *       ({@link MemberLists#negativeListOfLayer}), for the province and city lists that add up (山东 + 淄博,
 *       河南 + 郑州); computed for every layer of the chain, a layer outside it matches nothing;</li>
 *   <li>{@code qualifications}: the grounds of {@code committee.qualification} the member fails
 *       ({@link MemberLists#qualifications});</li>
 *   <li>{@code absence}: the member's absences against {@code committee.absence} ({@link AbsenceCheck}), with the
 *       table value relied on ({@code absenceRule}, cited by the finding); null where the chain has no absence
 *       threshold in force (national, most provinces).</li>
 * </ul>
 * Consequences ({@code committee.consequence}) are looked up along the whole chain, as before.
 */
public record MemberAssessment(Member member, MemberMatch negativeList, Map<String, MemberMatch> layerNegativeLists,
                               MemberMatch qualifications, ParameterValue absenceRule, AbsenceCheck absence)
        implements Reportable {

    public MemberAssessment {
        layerNegativeLists = Map.copyOf(layerNegativeLists);
    }

    /**
     * @param absenceRule {@code committee.absence} at asOf (looked up once for all members); the check is made only
     *                    where it is available, as the absence rules required
     */
    public static MemberAssessment of(Member member, ParameterView params, ParameterValue absenceRule) {
        Map<String, MemberMatch> byLayer = new HashMap<>();
        if (!member.conduct().isEmpty()) { // without reported conduct every list matches nothing
            for (String layer : params.layers()) {
                byLayer.put(layer, MemberLists.negativeListOfLayer(member, params, layer));
            }
        }
        boolean absenceInForce = absenceRule != null && absenceRule.isAvailable();
        return new MemberAssessment(member, MemberLists.negativeList(member, params), byLayer,
                MemberLists.qualifications(member, params), absenceInForce ? absenceRule : null,
                absenceInForce ? AbsenceCheck.of(member, absenceRule, Consequences.of(params, absenceRule)) : null);
    }

    public String memberId() {
        return member.id();
    }

    /** The member's conduct against the entries of layer {@code jurisdiction} only; nothing outside the chain. */
    public MemberMatch negativeListOfLayer(String jurisdiction) {
        return layerNegativeLists.getOrDefault(jurisdiction, MemberMatch.NONE);
    }

    @Override
    public String subject() {
        return "member:" + member.id();
    }

    @Override
    public void report(Report finding) {
        finding.detail("memberId", member.id());
    }

    /** The absence threshold in force is reached (none in force: false). */
    public boolean isAbsenceReached() {
        return absence != null && absence.isReached();
    }

    /** Only part of the figures the absence threshold in force needs was sent. */
    public boolean isAbsenceUndetermined() {
        return absence != null && absence.isUndetermined();
    }
}
