package cn.propertycompliance.ruleset;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the release in service. Swapping it is atomic: a request sees one whole release, never a mix. At start-up
 * the first release may still be compiling; {@link #current()} waits for it.
 */
public final class ActiveRelease {

    private final AtomicReference<Release> current = new AtomicReference<>();
    private final CompletableFuture<Release> initial;
    private final List<Consumer<Release>> listeners = new CopyOnWriteArrayList<>();

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
        listeners.forEach(l -> l.accept(release));
    }

    /**
     * Calls {@code listener} with the release in service (the first one once it has compiled) and with each release
     * that goes into service from now on. For work worth doing before a request needs it; listeners must not block.
     */
    public void onActivate(Consumer<Release> listener) {
        listeners.add(listener);
        Release now = current.get();
        if (now != null) {
            listener.accept(now);
            return;
        }
        initial.thenAccept(first -> {
            if (current.get() == null || current.get() == first) {
                listener.accept(first);
            }
        });
    }
}
