package cn.propertycompliance.ruleset;

import cn.propertycompliance.region.RegionTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds a release from folders, warms it up and puts it in service only if both succeed, under a deadline: the build
 * and its warm-up run on their own thread, so a build that never ends (a rule that makes the compiler spin, a warm-up
 * that loops) cannot hold the lock, and the next reload always gets its turn. An invalid set of files throws
 * {@link ReleaseException} (every problem with file:line) and the release in service stays. The releases package
 * submits and activates releases through the database; this is the bounded folder build the guard tests load through.
 */
public final class ReleaseReloader {

    /** {@code changed} is false when the files hash to the release already in service (nothing was compiled). */
    public record Reload(Release previous, Release current, boolean changed) {
    }

    /** A cold compile of the rules takes ~5–15 s of CPU; a build still running after this is abandoned. */
    public static final Duration DEFAULT_BUILD_DEADLINE = Duration.ofSeconds(120);

    private final ActiveRelease active;
    private final RegionTable regions;
    /** Runs one throw-away evaluation on a new release before it serves (the evaluator's warm-up, under its deadline). */
    private final Consumer<Release> warmUp;
    private final Path rulesDir;
    private final Path policiesDir;
    private final RuleGuard guard;
    private final BoundedBuild builds;

    public ReleaseReloader(ActiveRelease active, RegionTable regions, Consumer<Release> warmUp, Path rulesDir, Path policiesDir,
                           RuleGuard guard, Duration buildDeadline) {
        this.active = active;
        this.regions = regions;
        this.warmUp = warmUp;
        this.rulesDir = rulesDir;
        this.policiesDir = policiesDir;
        this.guard = guard;
        this.builds = new BoundedBuild(buildDeadline);
    }

    public ReleaseReloader(ActiveRelease active, RegionTable regions, Consumer<Release> warmUp, Path rulesDir, Path policiesDir,
                           RuleGuard guard) {
        this(active, regions, warmUp, rulesDir, policiesDir, guard, DEFAULT_BUILD_DEADLINE);
    }

    /** One reload at a time: two reloads compile once each, in turn, never interleaved. */
    public synchronized Reload reload(String label) {
        Release previous = active.current();
        List<SourceFile> files = ReleaseBuilder.files(rulesDir, policiesDir);
        if (ReleaseBuilder.releaseId(files).equals(previous.id()) && (label == null || label.equals(previous.label()))) {
            return new Reload(previous, previous, false);
        }
        Release next = builds.run("release-build", () -> {
            Release built = new ReleaseBuilder(regions, guard).build(files, label);
            try {
                warmUp.accept(built);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw new ReleaseException(List.of(new Problem("rules", 0, "warm-up evaluation failed: " + e)));
            }
            return built;
        });
        active.activate(next);
        return new Reload(previous, next, true);
    }

    /** The bounded builds of this reloader (how many abandoned ones still run). */
    public BoundedBuild builds() {
        return builds;
    }
}
