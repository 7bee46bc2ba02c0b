package cn.propertycompliance.releases;

import static cn.propertycompliance.releases.ReleaseApi.path;
import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.PropertyComplianceApplication;
import cn.propertycompliance.support.TestPostgres;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two service instances on one PostgreSQL: a candidate submitted on A, approved by a second client, activated on B
 * reaches both (B at once, A by NOTIFY) within 5 s; a request stream across the switch has no error, and every
 * response names a release that was in service when the request started.
 */
class TwoReplicasPostgresTest {

    static final String OFFICER = "officer-key";
    static final String REVIEWER = "reviewer-key";
    static final String PLATFORM = "platform-key";
    static final KeyPair KEY = ReleaseApi.ed25519();
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoReplicas() {
        String url = TestPostgres.freshSchemaUrl();
        a = start(url, "replica-a");
        b = start(url, "replica-b");
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static ConfigurableApplicationContext start(String url, String replica) {
        List<String> props = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + url, "spring.datasource.username=", "spring.datasource.password=",
                "compliance.releases.replica-id=" + replica,
                "compliance.releases.heartbeat-interval=500ms",
                "compliance.releases.signing.key-id=service",
                "compliance.releases.signing.private-key=" + ReleaseApi.base64(KEY.getPrivate().getEncoded()),
                "compliance.releases.signing.public-keys[0].key-id=service",
                "compliance.releases.signing.public-keys[0].public-key=" + ReleaseApi.base64(KEY.getPublic().getEncoded()),
                "compliance.releases.signing.public-keys[0].approvers[0]=legal-reviewer"));
        String[][] clients = {{"policy-officer", OFFICER, "OFFICER"}, {"legal-reviewer", REVIEWER, "REVIEWER"},
                {"platform", PLATFORM, "PLATFORM"}};
        for (int i = 0; i < clients.length; i++) {
            props.add("compliance.security.clients[" + i + "].name=" + clients[i][0]);
            props.add("compliance.security.clients[" + i + "].key-sha256=" + ReleaseApi.sha256Hex(clients[i][1]));
            props.add("compliance.security.clients[" + i + "].roles=" + clients[i][2]);
        }
        // As command-line arguments: they override application.yaml (default properties would not).
        return new SpringApplicationBuilder(PropertyComplianceApplication.class).run(props.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    static ReleaseApi api(ConfigurableApplicationContext context) {
        return new ReleaseApi(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /** One answered request: which replica, when it started and ended (nanoTime), its status and the release it names. */
    record Call(int replica, long started, long ended, int status, String release) {
    }

    @Test
    void submitOnAApproveWithASecondClientActivateOnBBothServeItWithinFiveSecondsWithoutAFailedRequest() throws Exception {
        ReleaseApi onA = api(a);
        ReleaseApi onB = api(b);
        String initial = onA.currentId(PLATFORM);
        assertThat(onB.currentId(PLATFORM)).isEqualTo(initial);

        Map<String, byte[]> tree = Archives.edit(Archives.tree(Path.of(".")), ReleaseLifecycleApiTest.BAIYIN_TABLE,
                ReleaseLifecycleApiTest.LEVEL4, ReleaseLifecycleApiTest.LEVEL4.replace("1.50", "1.60"));
        ReleaseApi.Reply submitted = onA.submit(Archives.tarGz(tree), "two-replicas", OFFICER);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.json().path("state").asString()).isEqualTo("CHECKED");
        String next = submitted.json().path("id").asString();
        assertThat(onB.postJson(path(next) + "/approvals", "{\"decision\":\"APPROVE\"}", REVIEWER).status()).isEqualTo(200);

        // A request stream on both replicas, running across the switch.
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService stream = Executors.newFixedThreadPool(4);
        ReleaseApi[] replicas = {onA, onB};
        for (int t = 0; t < 4; t++) {
            int replica = t % 2;
            stream.submit(() -> {
                int n = 0;
                while (running.get()) {
                    long started = System.nanoTime();
                    ReleaseApi.Reply r = replicas[replica].postJson("/api/v1/evaluations",
                            ReleaseLifecycleApiTest.baiyin(4, "1.30", "STREAM-" + replica + "-" + n++), PLATFORM);
                    String release = r.status() == 200 ? r.json().path("release").path("id").asString() : null;
                    calls.add(new Call(replica, started, System.nanoTime(), r.status(), release));
                }
                return null;
            });
        }
        Thread.sleep(1000);

        long activationSent = System.nanoTime();
        ReleaseApi.Reply activated = onB.postJson(path(next) + "/activation", null, OFFICER);
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        long[] servedAt = new long[2];
        while ((servedAt[0] == 0 || servedAt[1] == 0) && System.nanoTime() - activationSent < TimeUnit.SECONDS.toNanos(30)) {
            for (int i = 0; i < 2; i++) {
                if (servedAt[i] == 0 && replicas[i].currentId(PLATFORM).equals(next)) {
                    servedAt[i] = System.nanoTime();
                }
            }
            Thread.sleep(20);
        }
        Thread.sleep(1000);
        running.set(false);
        stream.shutdown();
        assertThat(stream.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(servedAt[0]).as("replica A serves the new release").isPositive();
        assertThat(servedAt[1]).as("replica B serves the new release").isPositive();
        assertThat(TimeUnit.NANOSECONDS.toMillis(Math.max(servedAt[0], servedAt[1]) - activationSent)).isLessThan(5000);

        List<Call> answered = List.copyOf(calls);
        assertThat(answered).hasSizeGreaterThan(20);
        assertThat(answered).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
        assertThat(answered).allSatisfy(c -> assertThat(c.release()).isIn(initial, next));
        for (int replica = 0; replica < 2; replica++) {
            int r = replica;
            // The new release only answers requests that started after the activation was asked for; once a replica
            // has answered with it (so had swapped), no request that starts later gets the old one.
            assertThat(answered).filteredOn(c -> c.replica() == r && c.release().equals(next))
                    .allSatisfy(c -> assertThat(c.started()).isGreaterThanOrEqualTo(activationSent));
            long swappedBy = answered.stream().filter(c -> c.replica() == r && c.release().equals(next))
                    .mapToLong(Call::ended).min().orElseThrow();
            assertThat(answered).filteredOn(c -> c.replica() == r && c.started() > swappedBy)
                    .allSatisfy(c -> assertThat(c.release()).isEqualTo(next));
            assertThat(answered).filteredOn(c -> c.replica() == r && c.release().equals(initial))
                    .allSatisfy(c -> assertThat(c.started()).isLessThan(servedAt[r]));
        }
        assertThat(answered.stream().filter(c -> c.release().equals(initial)).count()).isPositive();

        // Each replica reports in: both live, both on the new release.
        JsonNode current = onA.get("/api/v1/releases/current", PLATFORM).json();
        assertThat(current.path("replica").asString()).isEqualTo("replica-a");
        List<String> live = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 5000;
        do {
            live.clear();
            onA.get("/api/v1/releases/current", PLATFORM).json().path("replicas")
                    .forEach(rep -> live.add(rep.path("replicaId").asString() + "=" + rep.path("releaseId").asString()));
        } while (!live.equals(List.of("replica-a=" + next, "replica-b=" + next)) && System.currentTimeMillis() < deadline && sleep());
        assertThat(live).containsExactly("replica-a=" + next, "replica-b=" + next);
        assertThat(onA.get(path(initial), PLATFORM).json().path("state").asString()).isEqualTo("CHECKED");
        assertThat(onB.get(path(next), PLATFORM).json().path("state").asString()).isEqualTo("ACTIVE");
    }

    private static boolean sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
