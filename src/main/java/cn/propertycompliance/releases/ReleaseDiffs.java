package cn.propertycompliance.releases;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseException;
import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.ruleset.SourceFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes {@link ReleaseDiff}s from the stored files. Rules and parameter values are compared on the compiled
 * releases (kept from the checks, or the one in service); a release whose files do not build diffs by file only.
 */
public final class ReleaseDiffs {

    private final ReleaseStore store;
    private final CompiledReleases compiled;
    private final ActiveRelease active;

    public ReleaseDiffs(ReleaseStore store, CompiledReleases compiled, ActiveRelease active) {
        this.store = store;
        this.compiled = compiled;
        this.active = active;
    }

    /** Recent diffs: releases are content-addressed and never change, so a diff of two ids holds for good. */
    private final Map<String, ReleaseDiff> recent = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReleaseDiff> eldest) {
            return size() > 16;
        }
    });

    public ReleaseDiff diff(String id, String againstId) {
        String key = id + "\n" + againstId;
        ReleaseDiff kept = recent.get(key);
        if (kept != null) {
            return kept;
        }
        ReleaseDiff diff = compute(id, againstId);
        recent.put(key, diff);
        return diff;
    }

    private ReleaseDiff compute(String id, String againstId) {
        List<SourceFile> newFiles = store.files(id);
        List<SourceFile> oldFiles = store.files(againstId);
        ReleaseDiff.Files files = files(oldFiles, newFiles);
        Release newRelease = release(id, newFiles);
        Release oldRelease = release(againstId, oldFiles);
        if (newRelease == null || oldRelease == null) {
            return new ReleaseDiff(id, againstId, files, null, null);
        }
        return new ReleaseDiff(id, againstId, files, rules(oldRelease, newRelease), parameters(oldRelease, newRelease));
    }

    private Release release(String id, List<SourceFile> files) {
        Release serving = active.current();
        if (serving.id().equals(id)) {
            return serving;
        }
        StoredRelease stored = store.find(id).orElseThrow();
        if (!stored.checks().problems().isEmpty()) {
            return null;
        }
        try {
            return compiled.get(id, stored.label(), files);
        } catch (ReleaseException e) {
            return null;
        }
    }

    private static ReleaseDiff.Files files(List<SourceFile> before, List<SourceFile> after) {
        Map<String, String> old = hashes(before);
        Map<String, String> now = hashes(after);
        List<String> added = now.keySet().stream().filter(p -> !old.containsKey(p)).toList();
        List<String> removed = old.keySet().stream().filter(p -> !now.containsKey(p)).toList();
        List<String> changed = now.keySet().stream().filter(p -> old.containsKey(p) && !old.get(p).equals(now.get(p))).toList();
        return new ReleaseDiff.Files(added, removed, changed);
    }

    private static Map<String, String> hashes(List<SourceFile> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach(f -> out.put(f.path(), ReleaseManifest.sha256(f.bytes())));
        return out;
    }

    private static ReleaseDiff.Rules rules(Release before, Release after) {
        Map<String, String> old = ruleFingerprints(before);
        Map<String, String> now = ruleFingerprints(after);
        return new ReleaseDiff.Rules(
                now.keySet().stream().filter(id -> !old.containsKey(id)).toList(),
                old.keySet().stream().filter(id -> !now.containsKey(id)).toList(),
                now.keySet().stream().filter(id -> old.containsKey(id) && !old.get(id).equals(now.get(id))).toList());
    }

    /** A rule's metadata (without where it sits) plus its DRL text: equal fingerprints, same rule. */
    private static Map<String, String> ruleFingerprints(Release release) {
        Map<String, SourceFile> files = new TreeMap<>();
        release.files().forEach(f -> files.put(f.path(), f));
        Map<String, String> out = new TreeMap<>();
        for (RuleMeta r : release.rules()) {
            SourceFile file = files.get(r.file());
            out.put(r.id(), String.join("|", r.packageName(), r.jurisdiction(), String.valueOf(r.area()), String.valueOf(r.code()),
                    String.valueOf(r.cite()), String.valueOf(r.effective()), String.valueOf(r.expires()), String.valueOf(r.overrides()),
                    r.message(), file == null ? "" : ruleText(file, r.line())));
        }
        return out;
    }

    /** The DRL text of the rule starting at {@code line}, up to its {@code end}. */
    private static String ruleText(SourceFile file, int line) {
        String[] lines = file.text().split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, line - 1); i < lines.length; i++) {
            out.append(lines[i].strip()).append('\n');
            if (lines[i].strip().equals("end")) {
                break;
            }
        }
        return out.toString();
    }

    private record EntryKey(String table, String jurisdiction, Map<String, String> key, LocalDate effectiveFrom)
            implements Comparable<EntryKey> {
        @Override
        public int compareTo(EntryKey o) {
            return toString().compareTo(o.toString());
        }
    }

    private static Map<EntryKey, ParameterEntry> entries(Release release) {
        Map<EntryKey, ParameterEntry> out = new TreeMap<>();
        release.parameters().tables().forEach(t -> t.entries().forEach(e ->
                out.put(new EntryKey(t.name(), e.jurisdiction(), new TreeMap<>(e.key()), e.effectiveFrom()), e)));
        return out;
    }

    private static List<ReleaseDiff.ParameterChange> parameters(Release before, Release after) {
        Map<EntryKey, ParameterEntry> old = entries(before);
        Map<EntryKey, ParameterEntry> now = entries(after);
        List<ReleaseDiff.ParameterChange> out = new ArrayList<>();
        Set<EntryKey> keys = new TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (EntryKey k : keys) {
            ParameterEntry o = old.get(k);
            ParameterEntry n = now.get(k);
            if (o == null) {
                out.add(change("ADDED", k, null, null, n.value(), n));
            } else if (n == null) {
                out.add(change("REMOVED", k, null, o.value(), null, o));
            } else {
                Set<String> fields = new TreeSet<>(o.value().keySet());
                fields.addAll(n.value().keySet());
                for (String f : fields) {
                    if (!sameValue(o.value().get(f), n.value().get(f))) {
                        out.add(change("CHANGED", k, f, o.value().get(f), n.value().get(f), n));
                    }
                }
                if (!Objects.equals(o.effectiveTo(), n.effectiveTo())) {
                    out.add(change("CHANGED", k, "effectiveTo", o.effectiveTo(), n.effectiveTo(), n));
                }
                if (o.status() != n.status()) {
                    out.add(change("CHANGED", k, "status", o.status(), n.status(), n));
                }
                if (!o.cite().equals(n.cite())) {
                    out.add(change("CHANGED", k, "cite", o.cite().toString(), n.cite().toString(), n));
                }
            }
        }
        return out;
    }

    private static ReleaseDiff.ParameterChange change(String kind, EntryKey k, String field, Object oldValue, Object newValue,
                                                      ParameterEntry cited) {
        return new ReleaseDiff.ParameterChange(kind, k.table(), k.jurisdiction(), k.key(), k.effectiveFrom(), field,
                oldValue, newValue, cited.citations());
    }

    /** Numbers by value (1.30 = 1.3), everything else by equality. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
