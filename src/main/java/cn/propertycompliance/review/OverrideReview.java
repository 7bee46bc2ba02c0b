package cn.propertycompliance.review;

import cn.propertycompliance.policy.LegalLevel;
import cn.propertycompliance.policy.PolicyLibrary;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleMeta;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Lists every {@code @overrides} pair of a release and flags those whose legal basis ranks below the rule replaced. */
final class OverrideReview {

    private OverrideReview() {
    }

    static List<RuleOverride> of(Release release) {
        PolicyLibrary policies = release.policies();
        return release.rules().stream()
                .filter(r -> r.overrides() != null)
                .sorted(Comparator.comparing(RuleMeta::id))
                .flatMap(r -> release.rule(r.overrides()).stream().map(replaced -> {
                    Optional<LegalLevel> own = Levels.highest(r.cite(), policies);
                    Optional<LegalLevel> theirs = Levels.highest(replaced.cite(), policies);
                    boolean lower = own.isPresent() && theirs.isPresent() && Levels.ranksBelow(own.get(), theirs.get());
                    return new RuleOverride(r, replaced, Levels.name(own), Levels.name(theirs), lower);
                }))
                .toList();
    }
}
