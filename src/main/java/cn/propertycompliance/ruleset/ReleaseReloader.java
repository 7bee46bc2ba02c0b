package cn.propertycompliance.ruleset;

import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.evaluation.RunawayRulesException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private final Duration buildDeadline;

    public ReleaseReloader(ActiveRelease active, RegionTable regions, Evaluator evaluator, Path rulesDir, Path policiesDir) {
        this(active, regions, evaluator, rulesDir, policiesDir, RuleGuard.BOTH, DEFAULT_BUILD_DEADLINE);
    }

    public ReleaseReloader(ActiveRelease active, RegionTable regions, Evaluator evaluator, Path rulesDir, Path policiesDir,
                           RuleGuard guard) {
        this(active, regions, evaluator, rulesDir, policiesDir, guard, DEFAULT_BUILD_DEADLINE);
    }

    public ReleaseReloader(ActiveRelease active, RegionTable regions, Evaluator evaluator, Path rulesDir, Path policiesDir,
                           RuleGuard guard, Duration buildDeadline) {
        this.guard = guard;
        this.buildDeadline = buildDeadline;
        this.active = active;
        this.regions = regions;
        this.evaluator = evaluator;
        this.rulesDir = rulesDir;
        this.policiesDir = policiesDir;
    }

    /** A cold compile of the 90 rules takes ~5–15 s of CPU; a build still running after this is abandoned. */
    public static final Duration DEFAULT_BUILD_DEADLINE = Duration.ofSeconds(120);

    /**
     * One reload at a time: two officers reloading at once compile once each, in turn, never interleaved. The build and
     * its warm-up run on their own thread under {@link #buildDeadline} (the warm-up evaluation also under the
     * evaluator's deadline), so a build that does not end cannot hold the lock: the next reload always gets its turn.
     */
    public synchronized Reload reload(String label) {
        Release previous = active.current();
        List<SourceFile> files = ReleaseBuilder.files(rulesDir, policiesDir);
        if (ReleaseBuilder.releaseId(files).equals(previous.id()) && (label == null || label.equals(previous.label()))) {
            return new Reload(previous, previous, false);
        }
        FutureTask<Release> build = new FutureTask<>(() -> {
            Release next = new ReleaseBuilder(regions, guard).build(files, label);
            warmUp(next);
            return next;
        });
        Thread builder = new Thread(build, "release-build");
        builder.setDaemon(true);
        builder.start();
        Release next;
        try {
            next = build.get(buildDeadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            build.cancel(true);
            throw new ReleaseException(List.of(new Problem("rules", 0, "the release did not build and warm up within "
                    + buildDeadline.toSeconds() + " s; it was abandoned and the release in service stays")));
        } catch (InterruptedException e) {
            build.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reload interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        active.activate(next);
        return new Reload(previous, next, true);
    }

    /** A release whose warm-up evaluation fails (a rule error, the firing cap, the deadline) is refused. */
    private void warmUp(Release next) {
        try {
            evaluator.warmUp(next);
        } catch (RunawayRulesException | OutOfMemoryError | StackOverflowError e) {
            throw new ReleaseException(List.of(new Problem("rules", 0, "warm-up evaluation failed: " + e)));
        }
    }
}
