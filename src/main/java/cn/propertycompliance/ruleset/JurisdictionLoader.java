package cn.propertycompliance.ruleset;

import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.coverage.AreaCoverage;
import cn.propertycompliance.coverage.Held;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.policy.CitationRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads every {@code jurisdiction.yaml} and tells, for any file under rules/, which layer it belongs to. */
final class JurisdictionLoader {

    record JurisdictionFile(String code, String name, String note, Map<String, CoverageFile> coverage) {
    }

    /** {@code coverage.<AREA>}: the span the encoding covers, or (no {@code from}) {@code held} for every date. */
    record CoverageFile(LocalDate from, LocalDate to, String status, String note, List<String> cite, OutsideFile before,
                        OutsideFile after, String held) {
    }

    record OutsideFile(String held, List<String> cite, String note) {
    }

    private final RegionTable regions;

    JurisdictionLoader(RegionTable regions) {
        this.regions = regions;
    }

    Map<String, Jurisdiction> load(List<SourceFile> files, Problems problems) {
        Map<String, Jurisdiction> byFolder = new LinkedHashMap<>();
        Map<String, String> folderByCode = new LinkedHashMap<>();
        for (SourceFile file : files) {
            YamlFiles.read(file, JurisdictionFile.class, problems).ifPresent(j -> {
                if (j.code() == null || !regions.isJurisdiction(j.code())) {
                    problems.error(file, file.lineOf("code:"), "code '" + j.code() + "' is not a GB/T 2260 division code (or 000000)");
                    return;
                }
                String other = folderByCode.putIfAbsent(j.code(), file.folder());
                if (other != null) {
                    problems.error(file, file.lineOf("code:"), "jurisdiction " + j.code() + " is already defined by " + other);
                    return;
                }
                String name = j.name() != null ? j.name() : regions.name(j.code()).orElse(j.code());
                byFolder.put(file.folder(), new Jurisdiction(j.code(), name, file.folder(), coverage(file, j, name, problems)));
            });
        }
        // Folder nesting must agree with the division hierarchy, so the tree reads as the layers it encodes.
        byFolder.values().forEach(j -> parentOf(byFolder, j.folder()).ifPresent(parent -> {
            if (!regions.isWithin(j.code(), parent.code()) || parent.code().equals(j.code())) {
                problems.error(j.folder() + "/jurisdiction.yaml", 1, "jurisdiction " + j.code()
                        + " is filed under " + parent.folder() + " (" + parent.code() + ") but is not part of it");
            }
        }));
        return byFolder;
    }

    /**
     * Every area must be declared: a layer that says nothing about an area would otherwise pass questions on to
     * broader layers silently. Citations are resolved later, once the policies are loaded.
     */
    private static List<AreaCoverage> coverage(SourceFile file, JurisdictionFile j, String name, Problems problems) {
        Map<String, CoverageFile> declared = j.coverage() == null ? Map.of() : j.coverage();
        List<AreaCoverage> out = new ArrayList<>();
        for (String key : declared.keySet()) {
            if (Arrays.stream(Area.values()).noneMatch(a -> a.name().equals(key))) {
                problems.error(file, file.lineOf(key + ":"), "coverage: unknown area '" + key + "' (known: "
                        + Arrays.toString(Area.values()) + ")");
            }
        }
        boolean national = RegionTable.NATIONAL.equals(j.code());
        for (Area area : Area.values()) {
            CoverageFile c = declared.get(area.name());
            int line = file.lineOf(area.name() + ":");
            if (c == null) {
                problems.error(file, j.coverage() == null ? 1 : file.lineOf("coverage:"), "coverage: area " + area
                        + " is not declared (give its span `from`/`to` and what held `before`, or `held` when not encoded)");
                continue;
            }
            String where = "coverage." + area + ": ";
            AreaCoverage.Outside before;
            AreaCoverage.Outside after;
            if (c.from() == null) {
                if (c.to() != null || c.before() != null || c.after() != null || c.status() != null) {
                    problems.error(file, line, where + "without `from` nothing is encoded: give only `held` (with `cite`/`note`)");
                }
                before = outside(file, line, where + "held", new OutsideFile(c.held(), c.cite(), c.note()), national, problems);
                after = before;
            } else {
                if (c.held() != null) {
                    problems.error(file, line, where + "`held` is for an area not encoded; with `from` use `before`/`after`");
                }
                if (c.to() != null && c.to().isBefore(c.from())) {
                    problems.error(file, line, where + "`to` " + c.to() + " is before `from` " + c.from());
                }
                if (c.before() == null) {
                    problems.error(file, line, where + "`before` is required: what held before " + c.from());
                }
                before = c.before() == null ? AreaCoverage.Outside.UNKNOWN : outside(file, line, where + "before", c.before(), national, problems);
                after = c.after() == null ? AreaCoverage.Outside.UNKNOWN : outside(file, line, where + "after", c.after(), national, problems);
            }
            String status = c.status() == null ? "OFFICIAL" : c.status();
            if (!status.equals("OFFICIAL") && !status.equals("INTERPRETATION")) {
                problems.error(file, line, where + "status must be OFFICIAL or INTERPRETATION");
            }
            if (status.equals("INTERPRETATION") && (c.note() == null || c.note().isBlank())) {
                problems.error(file, line, where + "an INTERPRETATION span needs its reading in `note`");
            }
            out.add(new AreaCoverage(j.code(), name, area, c.from(), c.to(), c.from() == null ? null : status, c.note(),
                    refs(file, line, where, c.from() == null ? List.of() : c.cite(), problems), before, after, file.path(), line));
        }
        return out;
    }

    private static AreaCoverage.Outside outside(SourceFile file, int line, String where, OutsideFile o, boolean national,
                                                Problems problems) {
        Held held;
        try {
            held = Held.valueOf(String.valueOf(o.held()));
        } catch (IllegalArgumentException e) {
            problems.error(file, line, where + ": held must be BROADER, NONE or UNKNOWN, not '" + o.held() + "'");
            return AreaCoverage.Outside.UNKNOWN;
        }
        if (national && held != Held.UNKNOWN) {
            problems.error(file, line, where + ": the national layer has no broader layer to hand over to; use UNKNOWN");
        }
        List<CitationRef> cite = refs(file, line, where, o.cite(), problems);
        if (held == Held.NONE && cite.isEmpty()) {
            problems.error(file, line, where + ": NONE (no local rule existed) needs the `cite` that shows it");
        }
        return new AreaCoverage.Outside(held, cite, o.note());
    }

    private static List<CitationRef> refs(SourceFile file, int line, String where, List<String> refs, Problems problems) {
        List<CitationRef> out = new ArrayList<>();
        for (String ref : refs == null ? List.<String>of() : refs) {
            CitationRef.parse(ref).ifPresentOrElse(out::add,
                    () -> problems.error(file, line, where + "cite '" + ref + "' is not '<document>#<clause>'"));
        }
        return out;
    }

    /** The jurisdiction whose folder is the nearest ancestor (or the same folder) of {@code folder}. */
    static Optional<Jurisdiction> owning(Map<String, Jurisdiction> byFolder, String folder) {
        for (String f = folder; f != null; f = up(f)) {
            Jurisdiction j = byFolder.get(f);
            if (j != null) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    private static Optional<Jurisdiction> parentOf(Map<String, Jurisdiction> byFolder, String folder) {
        String up = up(folder);
        return up == null ? Optional.empty() : owning(byFolder, up);
    }

    private static String up(String folder) {
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? null : folder.substring(0, slash);
    }
}
