package cn.propertycompliance.releases;

import cn.propertycompliance.policy.Citation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What changes from release {@code against} to release {@code release}: files by path, rules by {@code @id}, and
 * parameter values by table, layer, key and start date — each value old → new with the clauses it cites.
 */
public record ReleaseDiff(String release, String against, Files files, Rules rules, List<ParameterChange> parameters) {

    public record Files(List<String> added, List<String> removed, List<String> changed) {
    }

    /** {@code changed}: same id, different metadata or DRL text. */
    public record Rules(List<String> added, List<String> removed, List<String> changed) {
    }

    /**
     * One parameter value: {@code change} is CHANGED (one field, old → new), ADDED or REMOVED (a whole entry, its
     * value map as new or old). {@code citations}: the clauses the entry cites (the new one's, or the old one's if removed).
     */
    public record ParameterChange(String change, String table, String jurisdiction, Map<String, String> key,
                                  LocalDate effectiveFrom, String field, Object oldValue, Object newValue,
                                  List<Citation> citations) {
    }
}
