package cn.propertycompliance.review;

import cn.propertycompliance.policy.CitationRef;
import cn.propertycompliance.policy.LegalLevel;
import cn.propertycompliance.policy.PolicyDocument;
import cn.propertycompliance.policy.PolicyLibrary;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The legal rank a rule or parameter value rests on: the highest level among the documents it cites. */
final class Levels {

    private Levels() {
    }

    static Optional<LegalLevel> highest(List<CitationRef> cites, PolicyLibrary policies) {
        return cites.stream().map(c -> policies.document(c.documentId())).flatMap(Optional::stream)
                .map(PolicyDocument::level).min(Comparator.naturalOrder());
    }

    /** True when {@code lower} ranks below {@code higher} (法律 &gt; 行政法规 &gt; … &gt; 政策文件). */
    static boolean ranksBelow(LegalLevel lower, LegalLevel higher) {
        return lower.ordinal() > higher.ordinal();
    }

    static String name(Optional<LegalLevel> level) {
        return level.map(LegalLevel::chineseName).orElse("（未知）");
    }
}
