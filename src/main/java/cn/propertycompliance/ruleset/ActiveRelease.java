package cn.propertycompliance.ruleset;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the release in service. Swapping it is atomic: a request sees one whole release, never a mix. At start-up
 * the first release may still be compiling; {@link #current()} waits for it.
 */
public final class ActiveRelease {

    private final AtomicReference<Release> current = new AtomicReference<>();
    private final CompletableFuture<Release> initial;

    public ActiveRelease(Release initial) {
        this(CompletableFuture.completedFuture(initial));
    }

    public ActiveRelease(CompletableFuture<Release> initial) {
        this.initial = initial;
    }

    public Release current() {
        Release r = current.get();
        if (r != null) {
            return r;
        }
        try {
            current.compareAndSet(null, initial.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return current.get();
    }

    public void activate(Release release) {
        current.set(release);
    }
}
