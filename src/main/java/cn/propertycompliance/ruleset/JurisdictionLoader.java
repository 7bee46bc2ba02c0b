package cn.propertycompliance.ruleset;

import cn.propertycompliance.region.RegionTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads every {@code jurisdiction.yaml} and tells, for any file under rules/, which layer it belongs to. */
final class JurisdictionLoader {

    record JurisdictionFile(String code, String name, String note) {
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
                byFolder.put(file.folder(), new Jurisdiction(j.code(), name, file.folder()));
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
