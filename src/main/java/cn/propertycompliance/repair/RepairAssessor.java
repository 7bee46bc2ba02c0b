package cn.propertycompliance.repair;

import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.facts.Repair.Vote;
import cn.propertycompliance.parameters.ParameterView;
import java.util.ArrayList;
import java.util.List;

/** The REPAIR area's derived facts, computed once per evaluation in plain Java; the rules match them. */
public final class RepairAssessor {

    private RepairAssessor() {
    }

    /**
     * The repair's {@link RepairAssessment} and, for a vote with a date, its {@link VoteTally} under the
     * {@code repair.voteRule} entry in force on the day the vote was held (a later rule does not undo a vote, an
     * earlier one does not decide it) — before the fund's handover, {@code repair.preHandoverVoteRule} where one is in
     * force on that day (165号令 第二十二条). A vote without a date cannot be judged: no tally.
     */
    public static List<Object> derive(ParameterView params, Community community, Repair repair) {
        List<Object> facts = new ArrayList<>(2);
        facts.add(RepairAssessment.of(params, community, repair));
        Vote vote = repair.vote();
        if (vote != null && vote.heldOn() != null) {
            facts.add(VoteTally.of(vote, community, params.valueOn(vote.heldOn(), "repair.voteRule", vote.purpose()),
                    params.valueOn(vote.heldOn(), VoteTally.PRE_HANDOVER_TABLE), repair.fundHandedToOwnersAssembly()));
        }
        return facts;
    }
}
