package cn.propertycompliance.ruleset;

import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import java.nio.file.Path;
import java.util.List;

/**
 * Rebuilds the release from the files on disk after a policy officer changed them, and puts it in service only if it
 * is valid: an invalid set of files throws {@link ReleaseException} (every problem with file:line) and the release in
 * service stays. Requests in flight finish on the release they started with; the next ones see the new one whole.
 * Each replica reloads its own files: run it on every replica after deploying the same files.
 */
public final class ReleaseReloader {

    /** {@code changed} is false when the files hash to the release already in service (nothing was compiled). */
    public record Reload(Release previous, Release current, boolean changed) {
    }

    private final ActiveRelease active;
    private final RegionTable regions;
    private final Evaluator evaluator;
    private final Path rulesDir;
    private final Path policiesDir;
    private final RuleGuard guard;

    public ReleaseReloader(ActiveRelease active, RegionTable regions, Evaluator evaluator, Path rulesDir, Path policiesDir) {
        this(active, regions, evaluator, rulesDir, policiesDir, RuleGuard.BOTH);
    }

    public ReleaseReloader(ActiveRelease active, RegionTable regions, Evaluator evaluator, Path rulesDir, Path policiesDir,
                           RuleGuard guard) {
        this.guard = guard;
        this.active = active;
        this.regions = regions;
        this.evaluator = evaluator;
        this.rulesDir = rulesDir;
        this.policiesDir = policiesDir;
    }

    /** One reload at a time: two officers reloading at once compile once each, in turn, never interleaved. */
    public synchronized Reload reload(String label) {
        Release previous = active.current();
        List<SourceFile> files = ReleaseBuilder.files(rulesDir, policiesDir);
        if (ReleaseBuilder.releaseId(files).equals(previous.id()) && (label == null || label.equals(previous.label()))) {
            return new Reload(previous, previous, false);
        }
        Release next = new ReleaseBuilder(regions, guard).build(files, label);
        evaluator.warmUp(next);
        active.activate(next);
        return new Reload(previous, next, true);
    }
}
