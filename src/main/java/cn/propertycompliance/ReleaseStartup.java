package cn.propertycompliance;

import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts compiling the rule release as soon as the settings are known, in parallel with the rest of Spring's
 * start-up (data source, Flyway, web server), instead of inside the bean graph where it would run after them.
 * The {@code activeRelease} bean then only waits for it. Without the listener (e.g. in tests) it compiles in place.
 */
final class ReleaseStartup implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReleaseStartup.class);

    private record Pending(ComplianceProperties props, CompletableFuture<Release> release) {
    }

    private static volatile Pending pending;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ComplianceProperties props = Binder.get(event.getEnvironment()).bindOrCreate("compliance", ComplianceProperties.class);
        CompletableFuture<Release> release = new CompletableFuture<>();
        Thread compile = new Thread(() -> {
            try {
                release.complete(build(props, RegionTable.fromClasspath("regions/gbt2260.csv"), new Evaluator(props.engine().maxRuleFirings(), Runtime.getRuntime().availableProcessors(),
                        props.engine().evaluationDeadline(), props.engine().warmUpDeadline())));
            } catch (Throwable e) {
                release.completeExceptionally(e);
            }
        }, "release-compile");
        compile.setDaemon(true);
        compile.start();
        pending = new Pending(props, release);
    }

    /** The release for these settings: the one being compiled since start-up if it is, else compiled now. */
    static CompletableFuture<Release> release(ComplianceProperties props, RegionTable regions, Evaluator evaluator) {
        Pending p = pending;
        pending = null;
        if (p != null && p.props().equals(props)) {
            return p.release();
        }
        return CompletableFuture.completedFuture(build(props, regions, evaluator));
    }

    private static Release build(ComplianceProperties props, RegionTable regions, Evaluator evaluator) {
        long started = System.nanoTime();
        Release release = new ReleaseBuilder(regions)
                .build(Path.of(props.rulesDir()), Path.of(props.policiesDir()), props.release().label());
        long compiled = System.nanoTime();
        evaluator.warmUp(release);
        log.info("rule release {} ({}) ready: {} rules, {} parameter tables, {} documents, {} cases; compiled in {} ms, warmed up in {} ms",
                release.id(), release.label(), release.rules().size(), release.parameters().tables().size(),
                release.policies().documents().size(), release.cases().size(), (compiled - started) / 1_000_000,
                (System.nanoTime() - compiled) / 1_000_000);
        if (!release.warnings().isEmpty()) {
            log.info("release has {} review notes (e.g. clauses no rule cites yet); see the review report", release.warnings().size());
        }
        return release;
    }
}
