package cn.propertycompliance;

import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import java.nio.file.Path;

/** The release built from the repository's own rules/ and policies/, compiled once per test JVM. */
public final class RepoRelease {

    public static final RegionTable REGIONS = RegionTable.fromClasspath("regions/gbt2260.csv");
    private static Release release;

    private RepoRelease() {
    }

    public static synchronized Release get() {
        if (release == null) {
            release = new ReleaseBuilder(REGIONS).build(Path.of("rules"), Path.of("policies"), "test");
        }
        return release;
    }
}
