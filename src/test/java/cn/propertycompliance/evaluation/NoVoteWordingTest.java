package cn.propertycompliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterTable;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.vocabulary.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Review correction (issue 14): "无需业主表决" was stated while citing only 165号令 第二十四条第二款, which does not say it.
 * Saying that the fund may be used without the owners' vote is allowed only where a cited clause says so — of the held
 * texts only 杭州 第七十三条第二款 ("可以不经业主共同决定"). Checked on every rule message, every parameter value and every
 * finding of every scenario case; the 杭州 emergency case shows the check is not vacuous.
 */
class NoVoteWordingTest {

    private static final Release RELEASE = RepoRelease.get();
    /** Ways of saying "without the owners' vote". */
    private static final Pattern NO_VOTE = Pattern.compile("无[需须]业主(共同)?(表决|决定)|不[需须]业主(共同)?(表决|决定)|不经业主(共同决定|表决|大会)");

    @Test
    void noRuleMessageSaysItWithoutAClauseThatDoes() {
        List<String> bad = new ArrayList<>();
        for (RuleMeta r : RELEASE.rules()) {
            if (NO_VOTE.matcher(r.message()).find() && r.citations().stream().noneMatch(c -> says(c.text()))) {
                bad.add(r.id());
            }
        }
        assertThat(bad).as("rules saying the vote is not needed without citing a clause that says it").isEmpty();
    }

    @Test
    void noParameterValueSaysItWithoutAClauseThatDoes() {
        List<String> bad = new ArrayList<>();
        int saying = 0;
        for (ParameterTable t : RELEASE.parameters().tables()) {
            for (ParameterEntry e : t.entries()) {
                if (e.value() == null || !NO_VOTE.matcher(String.valueOf(e.value())).find()) {
                    continue;
                }
                saying++;
                boolean cited = e.cite().stream().map(ref -> RELEASE.policies().resolve(ref).orElse(null))
                        .filter(Objects::nonNull).anyMatch(c -> says(c.text()));
                if (!cited) {
                    bad.add(e.file() + ":" + e.line());
                }
            }
        }
        assertThat(bad).as("entries saying the vote is not needed without citing a clause that says it").isEmpty();
        assertThat(saying).as("杭州 第七十三条第二款's procedure says it, citing the clause").isPositive();
    }

    @Test
    void noFindingOfAnyCaseSaysItWithoutCitingAClauseThatDoes() {
        CaseRunner runner = new CaseRunner(RELEASE, RepoRelease.REGIONS, new Evaluator(10_000));
        List<String> bad = new ArrayList<>();
        List<String> saying = new ArrayList<>();
        RELEASE.cases().stream().filter(c -> c.invalid().isEmpty()).forEach(c -> {
            for (Finding f : runner.evaluate(c).findings()) {
                if (NO_VOTE.matcher(f.message() + f.details()).find()) {
                    saying.add(c.displayName());
                    if (f.citations().stream().noneMatch(x -> says(x.text()))) {
                        bad.add(c.displayName() + " " + f.ruleId() + ": " + f.message());
                    }
                }
            }
        });
        assertThat(bad).isEmpty();
        assertThat(saying).as("the 杭州 emergency cases say it, citing 第七十三条第二款").isNotEmpty();
    }

    private static boolean says(String clauseText) {
        return clauseText != null && NO_VOTE.matcher(clauseText).find();
    }
}
