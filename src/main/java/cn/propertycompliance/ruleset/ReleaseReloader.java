package cn.propertycompliance.ruleset;

import cn.propertycompliance.region.RegionTable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

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
    /** Runs one throw-away evaluation on a new release before it serves (the evaluator's warm-up). */
    private final Consumer<Release> warmUp;
    private final Path rulesDir;
    private final Path policiesDir;

    public ReleaseReloader(ActiveRelease active, RegionTable regions, Consumer<Release> warmUp, Path rulesDir, Path policiesDir) {
        this.active = active;
        this.regions = regions;
        this.warmUp = warmUp;
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
        Release next = new ReleaseBuilder(regions).build(files, label);
        warmUp.accept(next);
        active.activate(next);
        return new Reload(previous, next, true);
    }
}
