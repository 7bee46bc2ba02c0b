package cn.propertycompliance;

import cn.propertycompliance.decisions.ChainKeys;
import cn.propertycompliance.decisions.ChainVerifier;
import cn.propertycompliance.decisions.DecisionService;
import cn.propertycompliance.decisions.DecisionStore;
import cn.propertycompliance.decisions.DecisionWriter;
import cn.propertycompliance.decisions.PersonalDataMasker;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.BoundedBuild;
import cn.propertycompliance.ruleset.Release;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the plain-Java core (ruleset, evaluation, decisions) into Spring from {@link ComplianceProperties}. */
@Configuration(proxyBeanMethods = false)
class ComplianceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ComplianceConfiguration.class);

    @Bean
    RegionTable regionTable() {
        return RegionTable.fromClasspath("regions/gbt2260.csv");
    }

    @Bean
    Evaluator evaluator(ComplianceProperties props) {
        int concurrent = props.engine().maxConcurrentEvaluations() > 0 ? props.engine().maxConcurrentEvaluations()
                : Runtime.getRuntime().availableProcessors();
        return new Evaluator(props.engine().maxRuleFirings(), concurrent, props.engine().evaluationDeadline(),
                props.engine().warmUpDeadline());
    }

    /** Submitted releases are built under {@code build-deadline} (a build that does not end is refused and abandoned). */
    @Bean
    BoundedBuild releaseBuilds(ComplianceProperties props) {
        return new BoundedBuild(props.engine().buildDeadline());
    }

    /**
     * The release compiled from rules/ + policies/ (started early by {@link ReleaseStartup}); any problem stops the
     * start with file:line and reason.
     */
    @Bean
    ActiveRelease activeRelease(ComplianceProperties props, RegionTable regions, Evaluator evaluator) {
        return new ActiveRelease(ReleaseStartup.release(props, regions, evaluator));
    }

    /**
     * Waits for the first release once every other bean exists (data source, Flyway, …) and before the web server
     * starts: the compile overlaps the rest of start-up, and an invalid release still stops it with file:line.
     */
    @Bean
    SmartInitializingSingleton releaseReadyBeforeServing(ActiveRelease release) {
        return release::current;
    }

    @Bean
    RequestParser requestParser(RegionTable regions) {
        return new RequestParser(regions);
    }

    @Bean
    PersonalDataMasker personalDataMasker(ComplianceProperties props) {
        if (props.privacy().hmacKey().startsWith("dev-only")) {
            log.warn("compliance.privacy.hmac-key is the development default: set COMPLIANCE_PRIVACY_HMAC_KEY in production");
        }
        return new PersonalDataMasker(props.privacy().hmacKey());
    }

    @Bean
    DecisionStore decisionStore(JdbcTemplate jdbc) {
        return new DecisionStore(jdbc);
    }

    @Bean
    ChainKeys chainKeys(ComplianceProperties props) {
        ComplianceProperties.Chain chain = props.decisions().chain();
        if (chain.usesDevelopmentKey()) {
            log.warn("compliance.decisions.chain.keys is not set: decision records are signed with the development key; "
                    + "set COMPLIANCE_DECISIONS_CHAIN_KEYS_<ID> in production");
        }
        return new ChainKeys(chain.signingKeyIdOrDefault(), chain.keysOrDevelopment());
    }

    /** The writer's transactions time out with the request bound, so a hung statement is cancelled, not waited for. */
    @Bean(destroyMethod = "close")
    DecisionWriter decisionWriter(DecisionStore store, PlatformTransactionManager txManager, ChainKeys keys, ComplianceProperties props) {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tx.setTimeout((int) Math.max(1, props.decisions().databaseTimeout().toSeconds()));
        return new DecisionWriter(store, tx, keys, props.decisions().maxBatch(), props.decisions().queueCapacity(),
                props.decisions().databaseTimeout(), props.decisions().chain().checkpointInterval());
    }

    @Bean
    ChainVerifier chainVerifier(DecisionStore store, PlatformTransactionManager txManager, ChainKeys keys, MeterRegistry meters) {
        ChainVerifier verifier = new ChainVerifier(store, new TransactionTemplate(txManager), keys, meters);
        // Records from before keys existed get a signed head, off the start-up path.
        Thread adopt = new Thread(() -> {
            try {
                verifier.adoptLegacyChains();
            } catch (RuntimeException e) {
                log.warn("could not adopt legacy decision chains now (retried at the next start): {}", e.toString());
            }
        }, "decision-chain-adopt");
        adopt.setDaemon(true);
        adopt.start();
        return verifier;
    }

    @Bean
    DecisionService decisionService(RequestParser parser, RegionTable regions, ActiveRelease release, Evaluator evaluator,
                                    PersonalDataMasker masker, DecisionStore store, DecisionWriter writer,
                                    ComplianceProperties props, MeterRegistry meters) {
        return new DecisionService(parser, regions, release, evaluator, masker, store, writer,
                props.decisions().databaseTimeout(), meters);
    }

    /**
     * Database health with the request bound: DOWN as soon as a request would get 503, not after the pool's
     * connection timeout. Replaces Boot's own check, which can wait on a dead connection.
     */
    @Bean
    HealthIndicator databaseHealthIndicator(DecisionStore store, ComplianceProperties props) {
        Duration bound = props.decisions().databaseTimeout();
        java.util.concurrent.ExecutorService probe = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "database-health");
            t.setDaemon(true);
            return t;
        });
        return () -> {
            java.util.concurrent.Future<?> ping = probe.submit((Runnable) store::ping);
            try {
                ping.get(bound.toMillis(), TimeUnit.MILLISECONDS);
                return Health.up().build();
            } catch (java.util.concurrent.TimeoutException e) {
                ping.cancel(true);
                return Health.down().withDetail("reason", "no answer within " + bound).build();
            } catch (java.util.concurrent.ExecutionException e) {
                return Health.down().withDetail("reason", "the database refused: " + e.getCause().getClass().getSimpleName()).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().build();
            }
        };
    }

    /** Evaluation threads for batch streams (the request thread only reads lines and writes answers). */
    @Bean(destroyMethod = "shutdown")
    ExecutorService batchWorkers(ComplianceProperties props) {
        int threads = props.api().batchThreads() > 0 ? props.api().batchThreads() : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "batch-eval-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * PostgreSQL sockets that stop answering (a dead network, not a refused connection) would otherwise hang a
     * connection for the kernel's TCP timeout: bound connect and read unless the URL sets its own. And the pool is
     * wrapped so that it recovers as soon as the database is back ({@link RecoveringDataSource}).
     */
    @Bean
    static BeanPostProcessor postgresSocketTimeouts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof com.zaxxer.hikari.HikariDataSource h && h.getJdbcUrl() != null
                        && h.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    if (!h.getJdbcUrl().contains("connectTimeout=")) {
                        h.addDataSourceProperty("connectTimeout", "2");
                    }
                    if (!h.getJdbcUrl().contains("socketTimeout=")) {
                        h.addDataSourceProperty("socketTimeout", "30");
                    }
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                // PostgreSQL only: the embedded H2 never goes away on its own.
                return bean instanceof com.zaxxer.hikari.HikariDataSource h && h.getJdbcUrl() != null
                        && h.getJdbcUrl().startsWith("jdbc:postgresql:") ? new RecoveringDataSource(h) : bean;
            }
        };
    }

    /** Actuator health shows which rule release is serving. */
    @Bean
    HealthIndicator releaseHealthIndicator(ActiveRelease active) {
        return () -> {
            Release r = active.current();
            return Health.up().withDetail("releaseId", r.id()).withDetail("label", r.label())
                    .withDetail("rules", r.rules().size()).withDetail("builtAt", r.builtAt().toString()).build();
        };
    }

    /**
     * DOWN while an evaluation abandoned past its deadline is still computing: the JVM cannot stop that thread, it
     * burns a core until it ends, so the replica should be restarted (the reason is in the log and in the details).
     */
    @Bean
    HealthIndicator evaluationWorkersHealthIndicator(Evaluator evaluator) {
        return () -> {
            int stuck = evaluator.stuckWorkers();
            return (stuck == 0 ? Health.up() : Health.down()).withDetail("stuckEvaluations", stuck)
                    .withDetail("deadlineMs", evaluator.deadline().toMillis()).build();
        };
    }

    /** DOWN while a release build abandoned past {@code build-deadline} still runs: the same, for the compiler. */
    @Bean
    HealthIndicator releaseBuildsHealthIndicator(BoundedBuild builds) {
        return () -> {
            int abandoned = builds.abandonedRunning();
            return (abandoned == 0 ? Health.up() : Health.down()).withDetail("abandonedBuilds", abandoned)
                    .withDetail("buildDeadlineSeconds", builds.deadline().toSeconds()).build();
        };
    }
}
