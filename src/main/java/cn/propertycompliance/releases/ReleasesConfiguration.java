package cn.propertycompliance.releases;

import cn.propertycompliance.ComplianceProperties;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.review.ReviewReportBuilder;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.BoundedBuild;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the release lifecycle (store, checks, signing, replicas) from {@code compliance.releases.*}. */
@Configuration(proxyBeanMethods = false)
class ReleasesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReleasesConfiguration.class);

    @Bean
    ReleaseStore releaseStore(JdbcTemplate jdbc) {
        return new ReleaseStore(jdbc);
    }

    @Bean
    ReleaseSigner releaseSigner(ComplianceProperties props) {
        ReleaseSigner signer = new ReleaseSigner(props.releases().signing());
        if (!signer.configured()) {
            log.warn("compliance.releases.signing is not configured: approvals are not signed (development only)");
        }
        return signer;
    }

    @Bean
    CompiledReleases compiledReleases(RegionTable regions) {
        return new CompiledReleases(new ReleaseBuilder(regions));
    }

    @Bean
    ReleaseDiffs releaseDiffs(ReleaseStore store, CompiledReleases compiled, ActiveRelease active) {
        return new ReleaseDiffs(store, compiled, active);
    }

    @Bean(destroyMethod = "close")
    ReplicaFollower replicaFollower(ReleaseStore store, CompiledReleases compiled, ActiveRelease active, Evaluator evaluator,
                                    ReleaseSigner signer, DataSource dataSource, ComplianceProperties props) {
        ComplianceProperties.Releases r = props.releases();
        return new ReplicaFollower(store, compiled, active, evaluator, signer, dataSource,
                r.replicaId() == null || r.replicaId().isBlank() ? defaultReplicaId() : r.replicaId(),
                r.pollInterval(), r.heartbeatInterval(), r.notifyFallbackInterval());
    }

    @Bean
    ReleaseChecks releaseChecks(RegionTable regions, Evaluator evaluator, BoundedBuild builds) {
        return new ReleaseChecks(new ReleaseBuilder(regions), new ReviewReportBuilder(regions, evaluator), builds);
    }

    @Bean
    ReleaseService releaseService(ReleaseStore store, PlatformTransactionManager txManager, RegionTable regions,
                                  Evaluator evaluator, CompiledReleases compiled, ReleaseSigner signer, ReleaseDiffs diffs,
                                  ReplicaFollower follower, DataSource dataSource, ComplianceProperties props, ReleaseChecks checks) {
        ComplianceProperties.Archive a = props.releases().archive();
        // Development mode (one local user does everything) only while nobody is named: no API client, no console user.
        boolean development = props.security().clientsOrEmpty().isEmpty() && props.console().usersOrEmpty().isEmpty();
        ReleaseService service = new ReleaseService(store, new TransactionTemplate(txManager), checks, compiled, signer,
                new ReleaseArchive(new ReleaseArchive.Limits(a.maxBytes(), a.maxTotalBytes(), a.maxFiles(), a.maxFileBytes(), a.maxRatio())),
                diffs, follower, new ImpactReplay(dataSource, new TransactionTemplate(txManager), regions, evaluator), development, Path.of(props.rulesDir()), Path.of(props.policiesDir()));
        follower.onTick(service::activateDue);
        return service;
    }

    @Bean
    ReleaseDrafts releaseDrafts(JdbcTemplate jdbc, ReleaseStore store, ReleaseService service, ReleaseChecks checks,
                                CompiledReleases compiled, ActiveRelease active, RegionTable regions, Evaluator evaluator,
                                PlatformTransactionManager txManager, ComplianceProperties props) {
        return new ReleaseDrafts(new DraftStore(jdbc), store, service, checks, compiled, active, regions, evaluator,
                new TransactionTemplate(txManager), props.releases().archive().maxFileBytes());
    }

    /**
     * Before the web server starts: the folders' release is recorded (in development mode also activated), then this
     * replica loads the database's active release and starts following it.
     */
    @Bean
    SmartInitializingSingleton releasesFollowTheDatabase(ReleaseService service, ReplicaFollower follower, ActiveRelease active) {
        return () -> {
            service.registerStartupRelease(active.current());
            follower.start();
        };
    }

    private static String defaultReplicaId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "replica";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
