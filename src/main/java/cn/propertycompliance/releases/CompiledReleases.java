package cn.propertycompliance.releases;

import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import cn.propertycompliance.ruleset.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few compiled releases by content id, so the replica that checked a candidate does not compile it again
 * to measure its impact or put it in service. Small: a compiled release holds a KieBase.
 */
public final class CompiledReleases {

    private static final int KEEP = 3;
    private final ReleaseBuilder builder;
    private final Map<String, Release> byId = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Release> eldest) {
            return size() > KEEP;
        }
    };

    public CompiledReleases(ReleaseBuilder builder) {
        this.builder = builder;
    }

    public synchronized void put(Release release) {
        byId.put(release.id(), release);
    }

    /** The release with this content id if it is kept (compiled by a check), without compiling anything. */
    public synchronized java.util.Optional<Release> kept(String id) {
        return java.util.Optional.ofNullable(byId.get(id));
    }

    /** The compiled release of these files (which must hash to {@code id}); compiles them when not kept. */
    public Release get(String id, String label, List<SourceFile> files) {
        synchronized (this) {
            Release kept = byId.get(id);
            if (kept != null) {
                return kept;
            }
        }
        Release built = builder.build(files, label);
        if (!built.id().equals(id)) {
            throw new IllegalStateException("files of release " + id + " hash to " + built.id());
        }
        put(built);
        return built;
    }
}
