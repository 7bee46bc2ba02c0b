package cn.propertycompliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.facts.FeePhase;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.FindingCode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.conf.LanguageLevelOption;

/** The conditions a trace names are the rule's own, as written, and the probes find the first one that fails. */
class ConditionProbesTest {

    private static final String FIXTURE = """
            package rules.fixture.probes;

            import cn.propertycompliance.facts.Fee;
            import cn.propertycompliance.facts.Fee.ChargedItem;

            global cn.propertycompliance.evaluation.FindingCollector findings;

            rule "FX-EVERY-KIND"
                @code("FEE_UNDISCLOSED_ITEM")
            when
                $fee : Fee( preliminary )   // a comment after a condition
                not ChargedItem( name == "停车费" )
                exists( ChargedItem( amount != null ) )
                // a comment between conditions
                ChargedItem( $name : name,
                             name not memberOf $fee.publicizedItems )
            then
                findings.add(drools);
            end
            """;

    private static ConditionProbes fixture() throws Exception {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg = parser.parse(null, FIXTURE);
        assertThat(parser.getErrors()).isEmpty();
        SourceFile file = new SourceFile("rules/fixture/probes.drl", FIXTURE.getBytes(StandardCharsets.UTF_8));
        RuleMeta meta = new RuleMeta("FX-EVERY-KIND", pkg.getName(), "000000", Area.FEE, FindingCode.FEE_UNDISCLOSED_ITEM,
                List.of(), List.of(), LocalDate.parse("2000-01-01"), null, null, "m", file.path(), 8);
        return ConditionProbes.of("sha256:fixture", List.of(new RuleLoader.ParsedDrl(file, pkg,
                new Jurisdiction("000000", "全国", "rules", List.of()))), Map.of(meta.id(), meta));
    }

    @Test
    void eachConditionIsTheTextTheAuthorWroteWithItsLine() throws Exception {
        assertThat(fixture().conditions("FX-EVERY-KIND")).containsExactly(
                new ConditionProbes.Condition(1, "$fee : Fee( preliminary )", "rules/fixture/probes.drl:11"),
                new ConditionProbes.Condition(2, "not ChargedItem( name == \"停车费\" )", "rules/fixture/probes.drl:12"),
                new ConditionProbes.Condition(3, "exists( ChargedItem( amount != null ) )", "rules/fixture/probes.drl:13"),
                new ConditionProbes.Condition(4, "ChargedItem( $name : name, name not memberOf $fee.publicizedItems )",
                        "rules/fixture/probes.drl:15"));
    }

    @Test
    void theFirstConditionThatNoFactsSatisfyIsTheOneNamed() throws Exception {
        ConditionProbes probes = fixture();
        Fee guided = new Fee(FeePhase.PRELIMINARY, null, null, null, null, null, List.of("物业服务费"), List.of(), null);
        Fee.ChargedItem service = new Fee.ChargedItem("物业服务费", new BigDecimal("100"));
        assertThat(firstUnmatched(probes, new Fee(FeePhase.OWNER_CONTRACTED, null, null, null, null, null, List.of(), List.of(), null), service))
                .isEqualTo(1);
        assertThat(firstUnmatched(probes, guided, service, new Fee.ChargedItem("停车费", null))).isEqualTo(2); // not … fails
        assertThat(firstUnmatched(probes, guided, new Fee.ChargedItem("物业服务费", null))).isEqualTo(3);        // exists fails
        assertThat(firstUnmatched(probes, guided, service)).isEqualTo(4);                                      // the join fails
    }

    private static int firstUnmatched(ConditionProbes probes, Object... facts) {
        KieSession session = probes.newSession();
        try {
            session.insert(new RuleScope("000000", Area.FEE));
            for (Object fact : facts) {
                session.insert(fact);
            }
            return probes.firstUnmatched(session, "FX-EVERY-KIND").orElseThrow().number();
        } finally {
            session.dispose();
        }
    }

    /** Every rule of the repository: its conditions put together are its {@code when} block, comments and spaces aside. */
    @Test
    void theRepositorysRulesAreSplitIntoTheirConditionsExactlyAndTheirProbesCompile() throws Exception {
        Release release = RepoRelease.get();
        for (RuleMeta rule : release.rules()) {
            List<String> lines = Files.readAllLines(Path.of(rule.file()), StandardCharsets.UTF_8);
            int when = rule.line() - 1;
            while (!lines.get(when).strip().equals("when")) {
                when++;
            }
            List<String> block = new ArrayList<>();
            for (int i = when + 1; !lines.get(i).strip().equals("then"); i++) {
                block.add(lines.get(i).replaceAll("//.*", ""));
            }
            List<ConditionProbes.Condition> conditions = release.probes().conditions(rule.id());
            assertThat(conditions).as(rule.id()).isNotEmpty();
            assertThat(String.join("", conditions.stream().map(ConditionProbes.Condition::text).toList()).replaceAll("\\s", ""))
                    .as(rule.id()).isEqualTo(String.join("", block).replaceAll("\\s", ""));
        }
        release.probes().prepare(); // throws if any prefix query does not compile
        assertThat(release.probes().prepare()).isFalse();
    }
}
