package cn.propertycompliance;

import cn.propertycompliance.decisions.DecisionService;
import cn.propertycompliance.decisions.DecisionStore;
import cn.propertycompliance.decisions.DecisionWriter;
import cn.propertycompliance.decisions.PersonalDataMasker;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseReloader;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
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
        return new Evaluator(props.engine().maxRuleFirings(), concurrent);
    }

    /**
     * The release compiled from rules/ + policies/ (started early by {@link ReleaseStartup}); any problem stops the
     * start with file:line and reason.
     */
    @Bean
    ActiveRelease activeRelease(ComplianceProperties props, RegionTable regions, Evaluator evaluator) {
        return new ActiveRelease(ReleaseStartup.release(props, regions, evaluator));
    }

    /** Rebuilds the release from the configured folders on an officer's request (POST /api/v1/releases). */
    @Bean
    ReleaseReloader releaseReloader(ActiveRelease active, RegionTable regions, Evaluator evaluator, ComplianceProperties props) {
        return new ReleaseReloader(active, regions, evaluator::warmUp, java.nio.file.Path.of(props.rulesDir()),
                java.nio.file.Path.of(props.policiesDir()));
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

    @Bean(destroyMethod = "close")
    DecisionWriter decisionWriter(DecisionStore store, PlatformTransactionManager txManager, ComplianceProperties props) {
        return new DecisionWriter(store, new TransactionTemplate(txManager), props.decisions().maxBatch(),
                props.decisions().queueCapacity());
    }

    @Bean
    DecisionService decisionService(RequestParser parser, RegionTable regions, ActiveRelease release, Evaluator evaluator,
                                    PersonalDataMasker masker, DecisionStore store, DecisionWriter writer,
                                    ComplianceProperties props, MeterRegistry meters) {
        return new DecisionService(parser, regions, release, evaluator, masker, store, writer,
                props.decisions().commitTimeout(), meters);
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

    /** Actuator health shows which rule release is serving. */
    @Bean
    HealthIndicator releaseHealthIndicator(ActiveRelease active) {
        return () -> {
            Release r = active.current();
            return Health.up().withDetail("releaseId", r.id()).withDetail("label", r.label())
                    .withDetail("rules", r.rules().size()).withDetail("builtAt", r.builtAt().toString()).build();
        };
    }
}
