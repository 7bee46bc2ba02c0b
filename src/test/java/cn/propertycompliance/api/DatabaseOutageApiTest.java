package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.support.TcpProxy;
import cn.propertycompliance.support.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two real database outages under load, through a TCP proxy the test cuts and restores: a reset (server restart)
 * and a blackhole (dead network, the kind that hangs clients). Every request must finish within the bound
 * (compliance.decisions.database-timeout, 3 s) plus 1 s with either its committed decision or a 503 that tells the
 * truth; the service must recover within 5 s of the database's return; retrying a 503 with its requestId must never
 * record twice; every 200 has its row; and the decision chain stays INTACT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageApiTest {

    private static final long BOUND_MILLIS = 3_000;
    private static final String BODY = """
            {"requestId":"%s","region":"620402","asOf":"2026-11-01","community":{"id":"%s"},
             "fee":{"phase":"PRELIMINARY","buildingType":"HIGH_RISE","serviceLevel":3,"chargedPrice":1.60}}""";

    private static TcpProxy proxy;
    private static String directUrl;

    @DynamicPropertySource
    static void postgresBehindAProxy(DynamicPropertyRegistry registry) {
        directUrl = TestPostgres.freshSchemaUrl();
        proxy = TcpProxy.inFrontOf(directUrl);
        String viaProxy = proxy.rewrite(directUrl);
        registry.add("spring.datasource.url", () -> viaProxy);
        registry.add("spring.datasource.username", () -> "");
        registry.add("spring.datasource.password", () -> "");
        registry.add("compliance.decisions.database-timeout", () -> BOUND_MILLIS + "ms");
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(String requestId, int status, String type, String decisionId, long startedNanos, long millis,
                          String retryAfter) {
    }

    private Answer evaluate(String requestId) {
        long started = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(requestId, requestId))));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        JsonNode json = RequestParser.JSON.readTree(r.body());
        return new Answer(requestId, r.statusCode(), json.path("type").asString(null),
                json.path("decisionId").asString(null), started, millis, r.headers().firstValue("Retry-After").orElse(null));
    }

    /** A batch of n lines, each with its own requestId; one Answer per line, all timed as the whole stream. */
    private List<Answer> batch(String prefix, int n) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < n; i++) {
            body.append(BODY.formatted(prefix + "-" + i, prefix + "-" + i).replace("\n", "")).append('\n');
        }
        long started = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations/batch"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(r.statusCode()).isEqualTo(200);
        List<Answer> lines = new ArrayList<>();
        r.body().lines().forEach(line -> {
            JsonNode json = RequestParser.JSON.readTree(line);
            int i = json.path("line").asInt() - 1;
            lines.add(new Answer(prefix + "-" + i, json.path("status").asInt(), json.path("problem").path("type").asString(null),
                    json.path("result").path("decisionId").asString(null), started, millis, "1"));
        });
        assertThat(lines).hasSize(n);
        return lines;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int get(String path, long[] millis) {
        long started = System.nanoTime();
        int status = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()).statusCode();
        millis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return status;
    }

    @Test
    void twoOutagesUnderLoad() throws Exception {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            int thread = t;
            load.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    answers.add(evaluate("outage-" + thread + "-" + n));
                }
                return null;
            });
        }
        List<Long> restoredAt = new ArrayList<>();
        List<String> duringOutage = new ArrayList<>();
        Thread.sleep(2_000);
        for (TcpProxy.Fault fault : List.of(TcpProxy.Fault.RESET, TcpProxy.Fault.BLACKHOLE)) {
            proxy.cut(fault);
            Thread.sleep(500);
            long[] millis = new long[1];
            // Health turns DOWN within the bound; reading a decision is a 503 within it too.
            int health = get("/actuator/health", millis);
            duringOutage.add(fault + " health " + health + " in " + millis[0] + " ms");
            assertThat(health).as(fault + " health").isEqualTo(503);
            assertThat(millis[0]).as(fault + " health time").isLessThanOrEqualTo(BOUND_MILLIS + 1_000);
            int read = get("/api/v1/decisions/0193b6c8-0000-7000-8000-000000000000", millis);
            duringOutage.add(fault + " read " + read + " in " + millis[0] + " ms");
            assertThat(read).as(fault + " read").isEqualTo(503);
            assertThat(millis[0]).as(fault + " read time").isLessThanOrEqualTo(BOUND_MILLIS + 1_000);
            // The batch stream answers each line alike, within the bound.
            answers.addAll(batch(fault.name().toLowerCase() + "-batch", 3));
            Thread.sleep(3_000);
            proxy.restore();
            long restored = System.nanoTime();
            restoredAt.add(restored);
            // Health is UP again within 5 s of the database's return.
            int status;
            do {
                Thread.sleep(100);
                status = get("/actuator/health", millis);
            } while (status != 200 && System.nanoTime() - restored < TimeUnit.SECONDS.toNanos(10));
            long upAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restored);
            duringOutage.add(fault + " health UP after " + upAfter + " ms");
            assertThat(upAfter).as(fault + " health recovery").isLessThanOrEqualTo(5_000);
            Thread.sleep(3_000);
        }
        stop.set(true);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Answer> all = new ArrayList<>(answers);
        long ok = all.stream().filter(a -> a.status() == 200).count();
        List<Answer> unavailable = all.stream().filter(a -> a.status() == 503).toList();
        System.out.printf("outage test: %d requests (slowest %d ms), %d answered 200, %d answered 503 %s; %s%n", all.size(),
                all.stream().mapToLong(Answer::millis).max().orElse(0), ok, unavailable.size(),
                unavailable.stream().collect(java.util.stream.Collectors.groupingBy(Answer::type, java.util.stream.Collectors.counting())),
                duringOutage);
        assertThat(unavailable).as("the outages were felt").isNotEmpty();
        // 1. Every request finished within the bound plus 1 s, with its decision or a 503.
        assertThat(all).allSatisfy(a -> {
            assertThat(a.status()).as(a.requestId()).isIn(200, 503);
            assertThat(a.millis()).as(a.requestId() + " took").isLessThanOrEqualTo(BOUND_MILLIS + 1_000);
        });
        // 2. Recovery: requests sent after the database's return succeed within 5 s of it.
        for (long restored : restoredAt) {
            Answer firstOk = all.stream().filter(a -> a.status() == 200 && a.startedNanos() >= restored)
                    .min(java.util.Comparator.comparingLong(Answer::startedNanos)).orElseThrow();
            assertThat(TimeUnit.NANOSECONDS.toMillis(firstOk.startedNanos() + TimeUnit.MILLISECONDS.toNanos(firstOk.millis()) - restored))
                    .as("first 200 after the database returned").isLessThanOrEqualTo(5_000);
        }
        // 3. Every 200 has its row, with the decision the client was given (the database seen directly, not via the proxy).
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(directUrl));
        Map<String, String> recorded = new java.util.HashMap<>();
        db.query("select request_id, id from decision", rs -> {
            recorded.put(rs.getString(1), rs.getString(2));
        });
        assertThat(all.stream().filter(a -> a.status() == 200)).allSatisfy(a ->
                assertThat(recorded.get(a.requestId())).as(a.requestId()).isEqualTo(a.decisionId()));
        // 4. A 503 that says "not recorded" is true; "outcome unknown" may go either way.
        for (Answer a : unavailable) {
            assertThat(a.retryAfter()).as(a.requestId() + " Retry-After").isEqualTo("1");
            assertThat(a.type()).as(a.requestId()).isIn("/problems/decision-not-recorded", "/problems/database-unavailable",
                    "/problems/decision-outcome-unknown");
            if (!a.type().equals("/problems/decision-outcome-unknown")) {
                assertThat(recorded).as(a.requestId() + " answered " + a.type()).doesNotContainKey(a.requestId());
            }
        }
        // 5. Retrying each 503 with its requestId records it once: the committed one is answered, not repeated.
        for (Answer a : unavailable) {
            Answer retry = evaluate(a.requestId());
            for (int attempt = 1; retry.status() == 503 && attempt < 3; attempt++) {
                Thread.sleep(1_000 * Long.parseLong(retry.retryAfter())); // as a client honouring Retry-After does
                retry = evaluate(a.requestId());
            }
            assertThat(retry.status()).as(a.requestId() + " retried").isEqualTo(200);
            if (recorded.containsKey(a.requestId())) {
                assertThat(retry.decisionId()).isEqualTo(recorded.get(a.requestId()));
            }
        }
        long distinct = all.stream().map(Answer::requestId).distinct().count();
        assertThat(db.queryForObject("select count(*) from decision", Long.class)).isEqualTo(distinct);
        // 6. Neither outage broke the chain.
        HttpResponse<String> verification = send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/decisions/verification")).GET());
        JsonNode v = RequestParser.JSON.readTree(verification.body());
        assertThat(v.path("status").asString()).as(verification.body()).isEqualTo("INTACT");
        assertThat(v.path("checked").asLong()).isEqualTo(distinct);
    }
}
