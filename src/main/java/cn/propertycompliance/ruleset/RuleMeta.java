package cn.propertycompliance.ruleset;

import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.policy.CitationRef;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.FindingCode;
import java.time.LocalDate;
import java.util.List;

/**
 * What the engine knows about a rule from its metadata: where it applies (jurisdiction layer), when
 * ({@code @effective}/{@code @expires}), what it finds ({@code @code}), why ({@code @cite}) and what it replaces
 * ({@code @overrides}).
 */
public record RuleMeta(
        String id,
        String packageName,
        String jurisdiction,
        Area area,
        FindingCode code,
        List<CitationRef> cite,
        List<Citation> citations,
        LocalDate effective,
        LocalDate expires,
        String overrides,
        String message,
        String file,
        int line) {

    /** In force on {@code date}: from {@code @effective} (inclusive) up to {@code @expires} (exclusive). */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effective) && (expires == null || date.isBefore(expires));
    }

    public String where() {
        return file + ":" + line;
    }
}
