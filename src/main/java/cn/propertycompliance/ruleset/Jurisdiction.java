package cn.propertycompliance.ruleset;

import cn.propertycompliance.coverage.AreaCoverage;
import java.util.List;

/**
 * A folder of {@code rules/} and the GB/T 2260 layer its rules and tables belong to (its jurisdiction.yaml), with the
 * span of dates its encoding covers per area.
 */
public record Jurisdiction(String code, String name, String folder, List<AreaCoverage> coverage) {

    public Jurisdiction {
        coverage = coverage == null ? List.of() : List.copyOf(coverage);
    }
}
