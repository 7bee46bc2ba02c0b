package cn.propertycompliance.releases;

import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.SourceFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this replica serving the database's ACTIVE release. It learns of an activation through PostgreSQL
 * {@code LISTEN/NOTIFY} (channel named after the schema, so deployments and test runs sharing a server stay apart)
 * and polls as a fallback; on H2 it polls. A new release is loaded from the database, verified (files, signature,
 * manifest), compiled, warmed up and swapped in whole; requests in flight finish on the release they started with.
 * A heartbeat row says which release this replica serves.
 */
public final class ReplicaFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaFollower.class);

    private final ReleaseStore store;
    private final CompiledReleases compiled;
    private final ActiveRelease active;
    private final Evaluator evaluator;
    private final ReleaseSigner signer;
    private final DataSource dataSource;
    private final String replicaId;
    private final Duration pollInterval;
    private final Duration heartbeatInterval;
    private final Duration fallbackInterval;
    private final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    /** Releases this replica refused to load, and when: retried a minute later (someone may have restored them). */
    private final Map<String, Long> refusedAt = new ConcurrentHashMap<>();
    private static final long RETRY_REFUSED_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "release-follower");
        t.setDaemon(true);
        return t;
    });
    private volatile Runnable onTick = () -> { };
    private volatile boolean running;
    private boolean postgres;
    private String channel;
    private Thread listener;

    public ReplicaFollower(ReleaseStore store, CompiledReleases compiled, ActiveRelease active, Evaluator evaluator,
                           ReleaseSigner signer, DataSource dataSource, String replicaId, Duration pollInterval,
                           Duration heartbeatInterval, Duration fallbackInterval) {
        this.store = store;
        this.compiled = compiled;
        this.active = active;
        this.evaluator = evaluator;
        this.signer = signer;
        this.dataSource = dataSource;
        this.replicaId = replicaId;
        this.pollInterval = pollInterval;
        this.heartbeatInterval = heartbeatInterval;
        this.fallbackInterval = fallbackInterval;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            if (postgres) {
                try (var rs = c.createStatement().executeQuery("select current_schema()")) {
                    rs.next();
                    channel = "compliance_release_" + rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to follow releases", e);
        }
    }

    public String replicaId() {
        return replicaId;
    }

    /** Work done on every poll before looking at the active release (scheduled activations that are due). */
    void onTick(Runnable tick) {
        this.onTick = tick;
    }

    /** Loads the active release now, then follows it: heartbeat, polling and (PostgreSQL) LISTEN. */
    public void start() {
        running = true;
        sync();
        if (postgres) {
            // Activations arrive by NOTIFY; polling is the fallback. Scheduled activations that fall due are looked
            // for at the short interval (a cheap query), and the replica that performs one NOTIFYs everyone.
            timer.scheduleWithFixedDelay(this::dueQuietly, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            timer.scheduleWithFixedDelay(this::tickQuietly, fallbackInterval.toMillis(), fallbackInterval.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            timer.scheduleWithFixedDelay(this::tickQuietly, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        timer.scheduleWithFixedDelay(this::heartbeatQuietly, 0, heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        if (postgres) {
            listener = new Thread(this::listen, "release-listener");
            listener.setDaemon(true);
            listener.start();
        }
        log.info("replica {} follows the active release by {}", replicaId,
                postgres ? "LISTEN " + channel + " (poll every " + fallbackInterval + " as fallback)" : "polling every " + pollInterval);
    }

    /** Inside the activation's transaction: tells every listening replica on commit (PostgreSQL NOTIFY). */
    void signal(String releaseId) {
        if (postgres) {
            store.jdbc().query("select pg_notify(?, ?)", rs -> { }, channel, releaseId);
        }
    }

    /** Serves the database's ACTIVE release if this replica does not already; a release that does not verify is refused. */
    public synchronized void sync() {
        Optional<StoredRelease> wanted = store.active();
        if (wanted.isEmpty() || wanted.get().id().equals(active.current().id())) {
            return;
        }
        Long refused = refusedAt.get(wanted.get().id());
        if (refused != null && System.nanoTime() - refused < RETRY_REFUSED_NANOS) {
            return;
        }
        StoredRelease r = wanted.get();
        List<SourceFile> files = store.files(r.id());
        List<String> refusals = signer.refusals(r, files);
        if (!refusals.isEmpty()) {
            log.error("replica {} refuses release {}: {}; it keeps serving {}", replicaId, r.id(), refusals, active.current().id());
            if (refusedAt.put(r.id(), System.nanoTime()) != null) {
                return; // audited the first time
            }
            store.event(new ReleaseEvent(r.id(), OffsetDateTime.now(ZoneOffset.UTC), "replica " + replicaId, "LOAD_REFUSED",
                    r.state(), r.state(), String.join("; ", refusals)));
            return;
        }
        long started = System.nanoTime();
        Release release = compiled.get(r.id(), r.label(), files);
        evaluator.warmUp(release);
        String previous = active.current().id();
        active.activate(release);
        refusedAt.remove(r.id());
        heartbeatQuietly();
        log.info("replica {} serves release {} ({}), replacing {}; loaded in {} ms", replicaId, release.id(), release.label(),
                previous, (System.nanoTime() - started) / 1_000_000);
    }

    private void tickQuietly() {
        try {
            onTick.run();
            sync();
        } catch (RuntimeException e) {
            log.warn("release poll failed: {}", e.getMessage(), e);
        }
    }

    private void dueQuietly() {
        try {
            onTick.run();
        } catch (RuntimeException e) {
            log.warn("scheduled activations could not be checked: {}", e.getMessage());
        }
    }

    private void heartbeatQuietly() {
        try {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            store.heartbeat(replicaId, active.current().id(), startedAt, now);
        } catch (RuntimeException e) {
            log.warn("replica heartbeat failed: {}", e.getMessage());
        }
    }

    /** Replicas seen within three heartbeats. */
    public List<ReplicaStatus> liveReplicas() {
        return store.replicasSince(OffsetDateTime.now(ZoneOffset.UTC).minus(heartbeatInterval.multipliedBy(3)));
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("LISTEN \"" + channel + "\"");
                PGConnection pg = c.unwrap(PGConnection.class);
                tickQuietly(); // anything activated while not listening
                while (running) {
                    PGNotification[] notes = pg.getNotifications(1000);
                    if (notes != null && notes.length > 0) {
                        tickQuietly();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("LISTEN {} failed ({}); polling covers until it reconnects", channel, e.getMessage());
                    sleep(pollInterval);
                }
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
        if (listener != null) {
            listener.interrupt();
        }
        try {
            store.removeReplica(replicaId);
        } catch (RuntimeException e) {
            log.debug("could not remove replica row: {}", e.getMessage());
        }
    }
}
