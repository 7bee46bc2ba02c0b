package cn.propertycompliance.ruleset;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a release build on its own daemon thread under a deadline: a build that never ends (a construct that makes the
 * Drools compiler spin, a warm-up that loops) is abandoned and reported as a {@link ReleaseException}, so the caller —
 * a reload, a submission's checks — always gets its answer and the next build its turn.
 */
public final class BoundedBuild {

    private BoundedBuild() {
    }

    public static <T> T run(String threadName, Duration deadline, Callable<T> build) {
        FutureTask<T> task = new FutureTask<>(build);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new ReleaseException(List.of(new Problem("rules", 0, "the release did not build within "
                    + deadline.toSeconds() + " s; the build was abandoned and the release in service stays")));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("release build interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
