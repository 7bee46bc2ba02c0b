package cn.propertycompliance.ruleset;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs release builds, each on its own daemon thread under a deadline: a build that never ends (a construct that makes
 * the Drools compiler spin, a warm-up that loops) is abandoned and reported as a {@link ReleaseException}, so the
 * caller — a reload, a submission's checks — always gets its answer and the next build its turn.
 *
 * <p>An abandoned build cannot be stopped: a compiler loop does not look at interrupts, and {@code Thread.stop} (still
 * there on Java 17, gone from Java 20) would throw at an arbitrary point of Drools' or the JDK's shared state — inside a
 * class initialiser that class is unusable for the rest of the JVM's life — so it is not used. The thread holds no
 * lock of ours (the caller and the next build never wait for it) but it burns a core until it ends:
 * {@link #abandonedRunning()} counts such threads and health is DOWN while there is one, so the replica is restarted.
 */
public final class BoundedBuild {

    private final Duration deadline;
    private final Set<Thread> abandoned = ConcurrentHashMap.newKeySet();

    public BoundedBuild(Duration deadline) {
        this.deadline = deadline;
    }

    public Duration deadline() {
        return deadline;
    }

    public <T> T run(String threadName, Callable<T> build) {
        FutureTask<T> task = new FutureTask<>(build);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            if (thread.isAlive()) {
                abandoned.add(thread);
            }
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

    /** Builds abandoned past the deadline whose thread is still running (each burns a core until it ends). */
    public int abandonedRunning() {
        abandoned.removeIf(t -> !t.isAlive());
        return abandoned.size();
    }

    /** Tests only: the threads of abandoned builds still running, so a test can wait for or account for them. */
    Set<Thread> abandonedThreads() {
        abandoned.removeIf(t -> !t.isAlive());
        return Set.copyOf(abandoned);
    }
}
