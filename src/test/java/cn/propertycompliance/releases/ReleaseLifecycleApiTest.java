package cn.propertycompliance.releases;

import static cn.propertycompliance.releases.ReleaseApi.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The officer's and the reviewer's path on one replica (H2): submit candidates (folders and archives) and see every
 * problem and failing case; diff; impact on recorded decisions; sign-off by another client, signed; activation only
 * with a signature that verifies; rollback; scheduled activation; history with an audit row per step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReleaseLifecycleApiTest {

    static final String OFFICER = "officer-key";
    static final String REVIEWER = "reviewer-key";
    static final String BOTH = "officer-and-reviewer-key";
    static final String PLATFORM = "platform-key";
    static final KeyPair SERVICE_KEY = ReleaseApi.ed25519();
    static final KeyPair ROGUE_KEY = ReleaseApi.ed25519();
    static final String BAIYIN_TABLE = "rules/gansu/baiyin/parameters/fee-guidance-price.yaml";
    static final String LEVEL4 = "  - key: {buildingType: HIGH_RISE, serviceLevel: 4}\n    value: {basePrice: 1.50, band: 0.15}";

    @TempDir
    static Path copy;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        copyTree(Path.of("rules"), copy.resolve("rules"));
        copyTree(Path.of("policies"), copy.resolve("policies"));
        registry.add("compliance.rules-dir", () -> copy.resolve("rules").toString());
        registry.add("compliance.policies-dir", () -> copy.resolve("policies").toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:lifecycle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("compliance.releases.poll-interval", () -> "200ms");
        clients(registry, "policy-officer", OFFICER, "OFFICER", "legal-reviewer", REVIEWER, "REVIEWER",
                "one-person", BOTH, "OFFICER,REVIEWER", "platform", PLATFORM, "PLATFORM");
        registry.add("compliance.releases.signing.key-id", () -> "service-2026");
        registry.add("compliance.releases.signing.private-key", () -> ReleaseApi.base64(SERVICE_KEY.getPrivate().getEncoded()));
        registry.add("compliance.releases.signing.public-keys[0].key-id", () -> "service-2026");
        registry.add("compliance.releases.signing.public-keys[0].public-key", () -> ReleaseApi.base64(SERVICE_KEY.getPublic().getEncoded()));
    }

    static void clients(DynamicPropertyRegistry registry, String... nameKeyRoles) {
        for (int i = 0; i < nameKeyRoles.length / 3; i++) {
            int n = i;
            registry.add("compliance.security.clients[" + n + "].name", () -> nameKeyRoles[3 * n]);
            registry.add("compliance.security.clients[" + n + "].key-sha256", () -> ReleaseApi.sha256Hex(nameKeyRoles[3 * n + 1]));
            registry.add("compliance.security.clients[" + n + "].roles", () -> nameKeyRoles[3 * n + 2]);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    static String baiyin(int level, String price, String id) {
        return """
                {"region":"620402","asOf":"2026-11-01","community":{"id":"%s"},
                 "fee":{"phase":"PRELIMINARY","buildingType":"HIGH_RISE","serviceLevel":%d,"chargedPrice":%s}}"""
                .formatted(id, level, price).replace("\n", "");
    }

    @Test
    void officerSubmitsReviewerSignsOffOfficerActivatesAndRollsBack() throws Exception {
        ReleaseApi api = new ReleaseApi(port);
        String initial = api.currentId(PLATFORM);
        Map<String, byte[]> tree = Archives.tree(copy);

        // Start-up recorded the folders' release; production mode: it waits for sign-off (CHECKED, by "startup").
        JsonNode startup = api.get(path(initial), PLATFORM).json();
        assertThat(startup.path("state").asString()).isEqualTo("CHECKED");
        assertThat(startup.path("submittedBy").asString()).isEqualTo("startup");
        assertThat(startup.path("cases").path("total").asInt()).isGreaterThan(100);

        // Same files again, from the folders: 200 with that release, nothing new. A platform may not submit.
        ReleaseApi.Reply same = api.submit(null, "relabelled", OFFICER);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("id").asString()).isEqualTo(initial);
        assertThat(same.json().path("label").asString()).isEqualTo(startup.path("label").asString());
        assertThat(api.get("/api/v1/releases", PLATFORM).json().size()).isEqualTo(1);
        assertThat(api.submit(null, null, PLATFORM).status()).isEqualTo(403);

        // Every problem of every stage at once: a wrong @cite and a compile error in one file (edited in the folders).
        Path broken = copy.resolve("rules/gansu/baiyin/broken.drl");
        Files.writeString(broken, """
                package rules.gansu.baiyin.fee;
                import cn.propertycompliance.facts.Fee;
                global cn.propertycompliance.evaluation.FindingCollector findings;

                rule "BY-BROKEN"
                    @code("FEE_UNDISCLOSED_ITEM")
                    @cite("no-such-document#第一条")
                    @effective("2022-08-25")
                    @message("x")
                when
                    Fee( noSuchField == 1 )
                then
                    findings.add(drools);
                end
                """);
        ReleaseApi.Reply rejected = api.submit(null, null, OFFICER);
        Files.delete(broken);
        assertThat(rejected.status()).isEqualTo(201);
        assertThat(rejected.json().path("state").asString()).isEqualTo("REJECTED");
        List<String> problems = new ArrayList<>();
        rejected.json().path("problems").forEach(p -> {
            assertThat(p.path("file").asString()).isEqualTo("rules/gansu/baiyin/broken.drl");
            assertThat(p.path("line").asInt()).isPositive();
            problems.add(p.path("message").asString());
        });
        assertThat(problems).anySatisfy(m -> assertThat(m).contains("no-such-document"))
                .anySatisfy(m -> assertThat(m).contains("noSuchField"));
        assertThat(api.currentId(PLATFORM)).isEqualTo(initial);

        // Failing scenario cases: REJECTED, naming each failing case (白银's band narrowed to 10% breaks its cases).
        ReleaseApi.Reply failing = api.submit(Archives.tarGz(Archives.edit(tree, BAIYIN_TABLE,
                "{basePrice: 1.30, band: 0.15}", "{basePrice: 1.30, band: 0.10}")), null, OFFICER);
        assertThat(failing.status()).isEqualTo(201);
        assertThat(failing.json().path("state").asString()).isEqualTo("REJECTED");
        assertThat(failing.json().path("problems").size()).isZero();
        JsonNode failed = failing.json().path("cases").path("failed");
        assertThat(failed.size()).isPositive();
        Set<String> failedNames = new HashSet<>();
        failed.forEach(f -> {
            assertThat(f.path("file").asString()).isEqualTo("rules/gansu/baiyin/cases/fee-guidance.yaml");
            assertThat(f.path("message").asString()).isNotBlank();
            failedNames.add(f.path("name").asString());
        });
        assertThat(failedNames).contains("高层三星恰好等于上限 1.495 在幅度内");

        // A one-value change no case covers: CHECKED; the diff shows exactly that value, with its clause.
        Map<String, byte[]> changedTree = Archives.edit(tree, BAIYIN_TABLE, LEVEL4, LEVEL4.replace("1.50", "1.60"));
        ReleaseApi.Reply candidate = api.submit(Archives.tarGz(changedTree), "2026-12-01.1", OFFICER);
        assertThat(candidate.status()).isEqualTo(201);
        JsonNode a = candidate.json();
        assertThat(a.path("state").asString()).isEqualTo("CHECKED");
        assertThat(a.path("label").asString()).isEqualTo("2026-12-01.1");
        assertThat(a.path("cases").path("failed").size()).isZero();
        String idA = a.path("id").asString();
        JsonNode diff = api.get(path(idA) + "/diff?against=" + initial, REVIEWER).json();
        assertThat(diff.path("files").path("changed").toString()).isEqualTo("[\"" + BAIYIN_TABLE + "\"]");
        assertThat(diff.path("files").path("added").size() + diff.path("files").path("removed").size()).isZero();
        assertThat(diff.path("rules").path("added").size() + diff.path("rules").path("removed").size()
                + diff.path("rules").path("changed").size()).isZero();
        assertThat(diff.path("parameters").size()).isEqualTo(1);
        JsonNode value = diff.path("parameters").get(0);
        assertThat(value.path("change").asString()).isEqualTo("CHANGED");
        assertThat(value.path("table").asString()).isEqualTo("fee.guidancePrice");
        assertThat(value.path("jurisdiction").asString()).isEqualTo("620400");
        assertThat(value.path("key").path("serviceLevel").asString()).isEqualTo("4");
        assertThat(value.path("field").asString()).isEqualTo("basePrice");
        assertThat(value.path("oldValue").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(value.path("newValue").decimalValue()).isEqualByComparingTo("1.60");
        assertThat(value.path("citations").get(0).path("text").asString()).isNotBlank();

        // The reviewer reads the candidate's review report: the document whose hash the approval will sign.
        ReleaseApi.Reply report = api.get(path(idA) + "/review.md", REVIEWER);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains(idA);
        assertThat(ReleaseManifest.sha256(report.body())).isEqualTo(a.path("reviewReportSha256").asString());

        // The same content as a zip under another label is that release: 200, label unchanged.
        ReleaseApi.Reply again = api.submit(Archives.zip(changedTree), "another-label", OFFICER);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(idA);
        assertThat(again.json().path("label").asString()).isEqualTo("2026-12-01.1");

        // Maker = checker: a client with both roles may not approve what it submitted.
        String idB = api.submit(Archives.tarGz(Archives.edit(tree, BAIYIN_TABLE, LEVEL4, LEVEL4.replace("1.50", "1.70"))),
                null, BOTH).json().path("id").asString();
        ReleaseApi.Reply self = api.postJson(path(idB) + "/approvals", "{\"decision\":\"APPROVE\"}", BOTH);
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().path("type").asString()).isEqualTo("/problems/release-maker-checker");
        assertThat(api.get(path(idB), PLATFORM).json().path("state").asString()).isEqualTo("CHECKED");
        assertThat(api.postJson(path(idA) + "/approvals", "{\"decision\":\"APPROVE\"}", OFFICER).status()).isEqualTo(403);
        assertThat(api.postJson(path(idA) + "/activation", null, OFFICER).status()).isEqualTo(409); // not approved yet

        // Impact before sign-off: a few hundred recorded decisions; only the 60 at level 4 for 1.30 change verdict.
        Set<String> level4 = record(api, 300);
        long decisionsBefore = jdbc.queryForObject("select count(*) from decision", Long.class);
        JsonNode impact = api.postJson(path(idA) + "/impact", "{}", REVIEWER).json();
        assertThat(impact.path("replayed").asLong()).isEqualTo(300);
        assertThat(impact.path("unreplayable").asLong()).isZero();
        assertThat(impact.path("changed").asLong()).isEqualTo(60);
        assertThat(impact.path("byRegion").toString()).isEqualTo("{\"620402\":60}");
        assertThat(impact.path("byArea").toString()).isEqualTo("{\"FEE\":60}");
        assertThat(impact.path("byOutcome").size()).isEqualTo(1);
        assertThat(impact.path("byOutcome").propertyNames().iterator().next()).endsWith("→NON_COMPLIANT");
        assertThat(impact.path("byCode").path("FEE_BELOW_GUIDANCE_BAND").path("appears").asLong()).isEqualTo(60);
        assertThat(impact.path("byCode").size()).isEqualTo(1);
        impact.path("examples").forEach(id -> assertThat(level4).contains(id.asString()));
        assertThat(impact.path("examples").size()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from decision", Long.class)).isEqualTo(decisionsBefore);
        JsonNode limited = api.postJson(path(idA) + "/impact", "{\"limit\": 10, \"region\": \"620000\"}", OFFICER).json();
        assertThat(limited.path("replayed").asLong()).isEqualTo(10);
        assertThat(limited.path("truncated").asBoolean()).isTrue();

        // Sign-off by the reviewer: APPROVED, the manifest signed.
        ReleaseApi.Reply approved = api.postJson(path(idA) + "/approvals", "{\"decision\":\"APPROVE\",\"comment\":\"对照白银文件核对\"}", REVIEWER);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("approvedBy").asString()).isEqualTo("legal-reviewer");
        assertThat(approved.json().path("signed").asBoolean()).isTrue();
        assertThat(approved.json().path("manifest").asString()).contains("content-id: " + idA)
                .contains("approver: legal-reviewer").contains(BAIYIN_TABLE);

        signatureFailuresAreNeverActivated(api, idA);

        // Activation: in service at once on this replica; the evaluation names the new release.
        ReleaseApi.Reply activated = api.postJson(path(idA) + "/activation", null, OFFICER);
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.json().path("state").asString()).isEqualTo("ACTIVE");
        assertThat(api.currentId(PLATFORM)).isEqualTo(idA);
        JsonNode verdict = api.postJson("/api/v1/evaluations?dryRun=true", baiyin(4, "1.30", "BY-L4"), PLATFORM).json();
        assertThat(verdict.path("release").path("id").asString()).isEqualTo(idA);
        assertThat(verdict.toString()).contains("FEE_BELOW_GUIDANCE_BAND");
        assertThat(api.get(path(initial) + "/diff", REVIEWER).json().path("against").asString()).isEqualTo(idA);

        // Rollback: the earlier release, once approved, is activated again; A retires and comes back the same way.
        assertThat(api.postJson(path(initial) + "/approvals", "{\"decision\":\"APPROVE\"}", REVIEWER).status()).isEqualTo(200);
        assertThat(api.postJson(path(initial) + "/activation", null, OFFICER).status()).isEqualTo(200);
        assertThat(api.currentId(PLATFORM)).isEqualTo(initial);
        assertThat(api.get(path(idA), PLATFORM).json().path("state").asString()).isEqualTo("RETIRED");
        assertThat(api.postJson("/api/v1/evaluations?dryRun=true", baiyin(4, "1.30", "BY-L4"), PLATFORM).body())
                .doesNotContain("FEE_BELOW_GUIDANCE_BAND");

        // Scheduled: A again in a second; every replica's poll does it when due.
        String at = OffsetDateTime.now().plusSeconds(1).toString();
        JsonNode scheduled = api.postJson(path(idA) + "/activation", "{\"at\":\"" + at + "\"}", OFFICER).json();
        assertThat(scheduled.path("state").asString()).isEqualTo("RETIRED");
        assertThat(scheduled.path("activateAt").isNull()).isFalse();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!api.currentId(PLATFORM).equals(idA) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(api.currentId(PLATFORM)).isEqualTo(idA);

        // History: states in the list, and an audit row per step (who, what, when).
        JsonNode list = api.get("/api/v1/releases", PLATFORM).json();
        Map<String, String> states = new java.util.HashMap<>();
        list.forEach(r -> states.put(r.path("id").asString(), r.path("state").asString()));
        assertThat(states).containsEntry(idA, "ACTIVE").containsEntry(initial, "RETIRED").containsEntry(idB, "CHECKED")
                .containsValue("REJECTED");
        List<String> actions = new ArrayList<>();
        api.get(path(idA), PLATFORM).json().path("history").forEach(e -> {
            actions.add(e.path("action").asString());
            assertThat(e.path("actor").asString()).isNotBlank();
            assertThat(e.path("at").asString()).isNotBlank();
        });
        assertThat(actions).containsSubsequence("SUBMITTED", "APPROVED", "ACTIVATED", "RETIRED", "ACTIVATION_SCHEDULED", "ACTIVATED");
        // Around the API: a release made ACTIVE in the database without a signature is refused by the replica
        // itself (it verifies before loading), which keeps serving what it served and audits the refusal.
        jdbc.update("update rule_release set state = 'RETIRED' where id = ?", idA);
        jdbc.update("update rule_release set state = 'ACTIVE' where id = ?", idB);
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until && api.get(path(idB), PLATFORM).body().indexOf("LOAD_REFUSED") < 0) {
            Thread.sleep(100);
        }
        assertThat(api.get(path(idB), PLATFORM).body()).contains("LOAD_REFUSED").contains("never signed");
        assertThat(api.currentId(PLATFORM)).isEqualTo(idA);
        jdbc.update("update rule_release set state = 'CHECKED' where id = ?", idB);
        jdbc.update("update rule_release set state = 'ACTIVE' where id = ?", idA);

        JsonNode current = api.get("/api/v1/releases/current", PLATFORM).json();
        assertThat(current.path("replicas").size()).isEqualTo(1);
        assertThat(current.path("replicas").get(0).path("replicaId").asString()).isEqualTo(current.path("replica").asString());
    }

    /** Missing, stripped, unknown-key, forged signature; edited manifest; files changed after approval: all refused. */
    private void signatureFailuresAreNeverActivated(ReleaseApi api, String id) throws Exception {
        Map<String, Object> row = jdbc.queryForMap("select manifest, signature, signature_key_id from rule_release where id = ?", id);
        String manifest = (String) row.get("manifest");
        String signature = (String) row.get("signature");
        refusedWith(api, id, "update rule_release set manifest = null, signature = null, signature_key_id = null where id = ?",
                "never signed");
        restore(id, manifest, signature, "service-2026");
        refusedWith(api, id, "update rule_release set signature = null where id = ?", "carries no signature");
        restore(id, manifest, signature, "service-2026");
        refusedWith(api, id, "update rule_release set signature_key_id = null where id = ?", "names no key");
        restore(id, manifest, signature, "service-2026");
        jdbc.update("update rule_release set signature = ?, signature_key_id = 'rogue' where id = ?", sign(manifest, ROGUE_KEY), id);
        refusedWith(api, id, null, "not configured");
        jdbc.update("update rule_release set signature = ?, signature_key_id = 'service-2026' where id = ?", sign(manifest, ROGUE_KEY), id);
        refusedWith(api, id, null, "does not match the manifest");
        restore(id, manifest.replace("approver: legal-reviewer", "approver: policy-officer"), signature, "service-2026");
        refusedWith(api, id, null, "does not match the manifest");
        restore(id, manifest, signature, "service-2026");
        byte[] original = jdbc.queryForObject("select content from rule_release_file where release_id = ? and path = ?",
                byte[].class, id, BAIYIN_TABLE);
        jdbc.update("update rule_release_file set content = ? where release_id = ? and path = ?",
                new String(original, StandardCharsets.UTF_8).replace("1.60", "9.99").getBytes(StandardCharsets.UTF_8), id, BAIYIN_TABLE);
        refusedWith(api, id, null, BAIYIN_TABLE + ": content no longer matches the manifest");
        jdbc.update("update rule_release_file set content = ? where release_id = ? and path = ?", original, id, BAIYIN_TABLE);
        assertThat(api.get(path(id), PLATFORM).json().path("state").asString()).isEqualTo("APPROVED");
    }

    private void refusedWith(ReleaseApi api, String id, String tamper, String reason) {
        if (tamper != null) {
            jdbc.update(tamper, id);
        }
        String before = api.currentId(PLATFORM);
        ReleaseApi.Reply r = api.postJson(path(id) + "/activation", null, OFFICER);
        assertThat(r.status()).as(reason).isEqualTo(409);
        assertThat(r.json().path("type").asString()).isEqualTo("/problems/release-signature");
        assertThat(r.json().path("errors").toString()).contains(reason);
        assertThat(api.currentId(PLATFORM)).isEqualTo(before);
    }

    private void restore(String id, String manifest, String signature, String keyId) {
        jdbc.update("update rule_release set manifest = ?, signature = ?, signature_key_id = ? where id = ?", manifest, signature, keyId, id);
    }

    private static String sign(String manifest, KeyPair key) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key.getPrivate());
        s.update(manifest.getBytes(StandardCharsets.UTF_8));
        return ReleaseApi.base64(s.sign());
    }

    /** Records {@code n} decisions through the batch endpoint; returns the ids of the 60 at level 4 charging 1.30. */
    private static Set<String> record(ReleaseApi api, int n) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String request = i < 60 ? baiyin(4, "1.30", "L4-" + i) : baiyin(3, i % 2 == 0 ? "1.30" : "1.60", "L3-" + i);
            ndjson.append(request).append('\n');
        }
        ReleaseApi.Reply r = api.send("POST", "/api/v1/evaluations/batch", ndjson.toString().getBytes(StandardCharsets.UTF_8),
                "application/x-ndjson", PLATFORM);
        assertThat(r.status()).isEqualTo(200);
        Set<String> level4 = new HashSet<>();
        for (String line : r.body().split("\n")) {
            JsonNode l = cn.propertycompliance.evaluation.RequestParser.JSON.readTree(line);
            assertThat(l.path("status").asInt()).isEqualTo(200);
            if (l.path("line").asInt() <= 60) {
                level4.add(l.path("result").path("decisionId").asString());
            }
        }
        assertThat(level4).hasSize(60);
        return level4;
    }
}
