package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation contract of api.md, over real HTTP against a real database. Subclasses pick the database
 * (embedded H2, PostgreSQL), so every assertion here holds for both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EvaluationApiContract {

    static final String BAIYIN = """
            {"region":"620402","asOf":"2026-11-01","community":{"id":"BY-0001","name":"白银某小区"},
             "fee":{"phase":"PRELIMINARY","buildingType":"HIGH_RISE","serviceLevel":3,"chargedPrice":1.60}}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    long decisions() {
        return jdbc.queryForObject("select count(*) from decision", Long.class);
    }

    @Test
    void baiyinHighRiseAboveTheBandIsACitedViolationAndIsRecorded() {
        long before = decisions();
        Http.Response r = http.post("/api/v1/evaluations", BAIYIN);

        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("outcome").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(body.path("areas").path("FEE").path("status").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(body.path("region").path("name").asString()).isEqualTo("甘肃省白银市白银区");
        assertThat(body.path("region").path("layers").toString()).isEqualTo("[\"000000\",\"620000\",\"620400\",\"620402\"]");
        assertThat(body.path("release").path("id").asString()).startsWith("sha256:");
        JsonNode finding = body.path("findings").get(0);
        assertThat(finding.path("code").asString()).isEqualTo("FEE_ABOVE_GUIDANCE_BAND");
        assertThat(finding.path("severity").asString()).isEqualTo("VIOLATION");
        assertThat(finding.path("subject").asString()).isEqualTo("community:BY-0001");
        assertThat(finding.path("message").asString()).contains("1.6").contains("1.495");
        assertThat(finding.path("details").path("upperBound").decimalValue()).isEqualByComparingTo("1.495");
        List<String> clauseTexts = new ArrayList<>();
        finding.path("citations").forEach(c -> clauseTexts.add(c.path("document").asString() + " " + c.path("clause").asString()
                + " " + c.path("text").asString()));
        assertThat(clauseTexts).anySatisfy(t -> assertThat(t).startsWith("国务院令第585号 第九条第（一）项").contains("超出政府指导价浮动幅度制定价格"));
        assertThat(clauseTexts).anySatisfy(t -> assertThat(t).contains("三星级服务1.30元"));

        String decisionId = body.path("decisionId").asString();
        assertThat(decisions()).isEqualTo(before + 1);
        Http.Response stored = http.get("/api/v1/decisions/" + decisionId);
        assertThat(stored.status()).isEqualTo(200);
        JsonNode record = stored.json();
        assertThat(record.path("releaseId").asString()).isEqualTo(body.path("release").path("id").asString());
        assertThat(record.path("outcome").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(record.path("asOf").asString()).isEqualTo("2026-11-01");
        assertThat(record.path("region").asString()).isEqualTo("620402");
        assertThat(record.path("response")).isEqualTo(body);
        assertThat(record.path("request").path("fee").path("chargedPrice").decimalValue()).isEqualByComparingTo("1.60");
        assertThat(record.path("chain").path("recordHash").asString()).hasSize(64);
    }

    @Test
    void theSameFactsInPanjinAreIndeterminateBecauseTheTableIsPending() {
        Http.Response r = http.post("/api/v1/evaluations", BAIYIN.replace("620402", "211103"));
        JsonNode body = r.json();
        assertThat(body.path("outcome").asString()).isEqualTo("INDETERMINATE");
        JsonNode finding = body.path("findings").get(0);
        assertThat(finding.path("code").asString()).isEqualTo("FEE_GUIDANCE_PRICE_UNAVAILABLE");
        assertThat(finding.path("details").path("reason").asString()).contains("PENDING").contains("盘锦");
    }

    @Test
    void wuhanUndisclosedItemCitesTheHubeiNotice() {
        Http.Response r = http.post("/api/v1/evaluations", """
                {"region":"420102","asOf":"2026-11-01","community":{"id":"WH-1"},
                 "fee":{"publicizedItems":["物业服务费","停车服务费"],
                        "chargedItems":[{"name":"物业服务费","amount":1680.0},{"name":"装修管理费","amount":300.0}]}}""");
        JsonNode finding = r.json().path("findings").get(0);
        assertThat(finding.path("code").asString()).isEqualTo("FEE_UNDISCLOSED_ITEM");
        assertThat(finding.path("message").asString()).isEqualTo("收取了未公示的收费项目：装修管理费");
        assertThat(finding.path("details").path("item").asString()).isEqualTo("装修管理费");
        assertThat(finding.path("actions").get(0).path("code").asString()).isEqualTo("STOP_CHARGING");
        JsonNode citation = finding.path("citations").get(0);
        assertThat(citation.path("document").asString()).isEqualTo("鄂建文〔2021〕11号");
        assertThat(citation.path("clause").asString()).isEqualTo("（十二）");
        assertThat(citation.path("text").asString()).contains("物业服务企业不得收取公示收费项目以外的费用");
    }

    @Test
    void dryRunEvaluatesWithoutRecording() {
        long before = decisions();
        Http.Response r = http.post("/api/v1/evaluations?dryRun=true", BAIYIN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().has("decisionId")).isFalse();
        assertThat(r.json().path("outcome").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(decisions()).isEqualTo(before);
    }

    @Test
    void traceListsTheRulesConsideredAndWhy() {
        JsonNode trace = http.post("/api/v1/evaluations?dryRun=true&trace=true", BAIYIN).json().path("trace");
        Map<String, String> status = new java.util.HashMap<>();
        Map<String, String> why = new java.util.HashMap<>();
        trace.forEach(t -> {
            status.put(t.path("ruleId").asString(), t.path("status").asString());
            why.put(t.path("ruleId").asString(), t.path("reason").asString() + " " + t.path("detail").asString(""));
        });
        assertThat(status).containsEntry("CN-FEE-ABOVE-GUIDANCE-BAND", "FIRED").containsEntry("CN-FEE-BELOW-GUIDANCE-BAND", "NOT_MATCHED");
        assertThat(why).containsEntry("CN-FEE-ABOVE-GUIDANCE-BAND", "FIRED ")
                .containsEntry("CN-FEE-BELOW-GUIDANCE-BAND", "CONDITION_NOT_MET FeeAssessment( chargedBelowBand, $band : guidanceFinding )")
                // another jurisdiction's rule is not considered, and the trace says so
                .containsEntry("HB-FEE-UNDISCLOSED-ITEM", "OUTSIDE_REGION layer 420000 is not on the chain 000000 → 620000 → 620400 → 620402");
    }

    @Test
    void aRepeatedRequestIdReturnsTheRecordedDecisionAndADifferentBodyIsAConflict() {
        String id = "req-" + System.nanoTime();
        String body = BAIYIN.replace("{\"region\"", "{\"requestId\":\"" + id + "\",\"region\"");
        JsonNode first = http.post("/api/v1/evaluations", body).json();
        long after = decisions();
        Http.Response again = http.post("/api/v1/evaluations", body.replace("\n", " "));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("decisionId").asString()).isEqualTo(first.path("decisionId").asString());
        assertThat(decisions()).isEqualTo(after);

        Http.Response conflict = http.post("/api/v1/evaluations", body.replace("1.60", "1.40"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().path("detail").asString()).contains(id);
        assertThat(decisions()).isEqualTo(after);
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        Http.Response r = http.post("/api/v1/evaluations", """
                {"region":"999999","asOf":"2026-02-30","community":{"name":"x","totalOwners":100},
                 "fee":{"phase":"SOMETIMES","chargedPrice":-1,"serviceLevel":"three","unknownField":1},
                 "repair":{"vote":{"purpose":"USE","heldOn":"2026-10-20","participatingOwners":120}}}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asString()).isNotBlank();
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        problem.path("errors").forEach(e -> errors.put(e.path("field").asString(), e.path("message").asString()));
        assertThat(errors).containsKeys("region", "asOf", "community.id", "fee.phase", "fee.chargedPrice", "fee.serviceLevel",
                "fee.unknownField", "repair.vote.participatingOwners");
        assertThat(errors.get("region")).contains("unknown");
        assertThat(errors.get("asOf")).contains("real date");
        assertThat(errors.get("fee.phase")).contains("PRELIMINARY");
        assertThat(errors.get("fee.chargedPrice")).isEqualTo("must be ≥ 0");
        assertThat(errors.get("repair.vote.participatingOwners")).contains("community.totalOwners");
    }

    @Test
    void eachApiMdErrorCaseIsA400ProblemWithoutInternals() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("malformed JSON", "{\"region\": ");
        cases.put("unknown enum value", BAIYIN.replace("HIGH_RISE", "SKYSCRAPER"));
        cases.put("missing required field", "{\"community\":{\"id\":\"x\"},\"fee\":{}}");
        cases.put("unknown region", BAIYIN.replace("620402", "620499"));
        cases.put("impossible date", BAIYIN.replace("2026-11-01", "2026-13-01"));
        cases.put("negative price", BAIYIN.replace("1.60", "-0.01"));
        cases.put("negative area", "{\"region\":\"110105\",\"community\":{\"id\":\"x\",\"totalExclusiveArea\":-5},\"fee\":{}}");
        cases.put("negative count", "{\"region\":\"110105\",\"community\":{\"id\":\"x\",\"households\":-1},\"fee\":{}}");
        cases.put("count larger than its total", """
                {"region":"110105","community":{"id":"x"},"committee":{"members":[
                  {"id":"m1","meetingsHeldLast12Months":4,"meetingsAbsentLast12Months":5}]}}""");
        cases.put("area requested without its block", "{\"region\":\"110105\",\"areas\":[\"REPAIR\"],\"community\":{\"id\":\"x\"},\"fee\":{}}");
        cases.put("not an object", "[1,2]");
        cases.put("empty body", "");
        cases.forEach((name, body) -> {
            Http.Response r = http.post("/api/v1/evaluations", body);
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.contentType()).as(name).startsWith("application/problem+json");
            assertThat(r.json().path("errors").isArray()).as(name).isTrue();
            assertThat(r.body()).as(name).doesNotContain("Exception").doesNotContain("at cn.").doesNotContain("tools.jackson");
        });
    }

    @Test
    void otherHttpErrorsAreProblemsToo() {
        Http.Response missing = http.get("/api/v1/decisions/0193b6c8-0000-7000-8000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/decisions/not-a-uuid").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/regions/999999").status()).isEqualTo(404);
        Http.Response tooLarge = http.post("/api/v1/evaluations", "{\"x\":\"" + "a".repeat(1_100_000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        Http.Response wrongType = http.post("/api/v1/evaluations", BAIYIN, "text/plain");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
        Http.Response unknownPath = http.get("/api/v1/nothing-here");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.body()).doesNotContain("Exception");
    }

    @Test
    void committeeMembersPersonalDataIsNotStored() {
        String name = "王小明";
        String idCard = "110105199001011234";
        String phone = "13800138000";
        JsonNode body = http.post("/api/v1/evaluations", """
                {"region":"110105","asOf":"2026-11-01","community":{"id":"BJ-9"},
                 "committee":{"members":[{"id":"m-01","name":"%s","idCardNumber":"%s","phone":"%s","role":"CHAIR",
                   "partyMember":true,"owner":true}]}}""".formatted(name, idCard, phone)).json();
        String id = body.path("decisionId").asString();
        Map<String, Object> row = jdbc.queryForMap("select * from decision where id = cast(? as uuid)", id);
        String everything = row.values().toString();
        assertThat(everything).doesNotContain(name).doesNotContain(idCard).doesNotContain(phone).contains("hmac-sha256:");
        String storedRequest = http.get("/api/v1/decisions/" + id).body();
        assertThat(storedRequest).doesNotContain(name).doesNotContain(idCard).doesNotContain(phone).contains("m-01");
    }

    @Test
    void aBatchAnswersEveryLineInOrderRecordsTheGoodOnesAndReportsTheBadOnes() {
        long before = decisions();
        String id = "batch-" + System.nanoTime();
        StringBuilder ndjson = new StringBuilder();
        ndjson.append(BAIYIN.replace("\n", " ")).append('\n');                                   // 1 good
        ndjson.append("{\"region\": ").append('\n');                                             // 2 malformed
        ndjson.append('\n');                                                                       // 3 blank: skipped
        ndjson.append(BAIYIN.replace("\n", " ").replace("620402", "211103")).append('\n');       // 4 good (Panjin)
        ndjson.append(BAIYIN.replace("\n", " ").replace("1.60", "-1")).append('\n');             // 5 invalid field
        String withId = BAIYIN.replace("\n", " ").replace("{\"region\"", "{\"requestId\":\"" + id + "\",\"region\"");
        ndjson.append(withId).append('\n');                                                        // 6 good, requestId
        ndjson.append(withId.replace("1.60", "1.20"));                                              // 7 same id, other body; no final newline
        Http.Response r = http.post("/api/v1/evaluations/batch", ndjson.toString(), "application/x-ndjson");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = r.body().lines().map(l -> cn.propertycompliance.evaluation.RequestParser.JSON.readTree(l)).toList();
        assertThat(lines).extracting(l -> l.path("line").asInt()).containsExactly(1, 2, 4, 5, 6, 7);
        assertThat(lines).extracting(l -> l.path("status").asInt()).containsExactly(200, 400, 200, 400, 200, 409);
        assertThat(lines.get(0).path("result").path("outcome").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(lines.get(2).path("result").path("outcome").asString()).isEqualTo("INDETERMINATE");
        assertThat(lines.get(3).path("problem").path("errors").get(0).path("field").asString()).isEqualTo("fee.chargedPrice");
        assertThat(lines.get(5).path("problem").path("type").asString()).isEqualTo("/problems/request-id-conflict");
        assertThat(decisions()).isEqualTo(before + 3);
        for (int i : new int[] {0, 2, 4}) {
            String decisionId = lines.get(i).path("result").path("decisionId").asString();
            assertThat(http.get("/api/v1/decisions/" + decisionId).status()).isEqualTo(200);
        }
    }

    @Test
    void aLongBatchKeepsItsOrderBeyondTheInFlightWindow() {
        long before = decisions();
        StringBuilder ndjson = new StringBuilder();
        int n = 2500;
        for (int i = 0; i < n; i++) {
            String price = i % 3 == 0 ? "1.60" : "1.30";
            ndjson.append(BAIYIN.replace("\n", " ").replace("BY-0001", "BY-" + i).replace("1.60", price)).append('\n');
        }
        Http.Response r = http.post("/api/v1/evaluations/batch", ndjson.toString(), "application/x-ndjson");
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(n);
        for (int i = 0; i < n; i++) {
            JsonNode line = cn.propertycompliance.evaluation.RequestParser.JSON.readTree(lines.get(i));
            assertThat(line.path("line").asInt()).isEqualTo(i + 1);
            JsonNode result = line.path("result");
            assertThat(result.path("findings").toString()).contains(i % 3 == 0 ? "FEE_ABOVE_GUIDANCE_BAND" : "[]");
        }
        assertThat(decisions()).isEqualTo(before + n);
    }

    @Test
    void regionsResolveToTheirLayers() {
        JsonNode region = http.get("/api/v1/regions/211103").json();
        assertThat(region.path("name").asString()).isEqualTo("辽宁省盘锦市兴隆台区");
        assertThat(region.path("layers").toString()).isEqualTo("[\"000000\",\"210000\",\"211100\",\"211103\"]");
        // Each layer says what it encodes: Panjin (211100) has its own filing rules; the district has no folder.
        JsonNode panjin = region.path("encoded").get(2);
        assertThat(panjin.path("code").asString()).isEqualTo("211100");
        assertThat(panjin.path("folder").asString()).isEqualTo("rules/liaoning/panjin");
        assertThat(panjin.path("areas").has("FILING")).isTrue();
        assertThat(region.path("encoded").get(3).path("areas").isEmpty()).isTrue();
    }

    @Test
    void regionsListTheJurisdictionsWithLocalRulesAndFindDivisionsByName() {
        JsonNode listing = http.get("/api/v1/regions").json();
        assertThat(listing.path("release").path("id").asString()).startsWith("sha256:");
        JsonNode first = listing.path("jurisdictions").get(0);
        assertThat(first.path("code").asString()).isEqualTo("000000");
        assertThat(first.path("areas").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("FEE", "FILING", "COMMITTEE", "REPAIR");
        assertThat(listing.path("jurisdictions").toString()).contains("\"620400\"").contains("fee.guidancePrice");

        JsonNode found = http.get("/api/v1/regions?q=" + java.net.URLEncoder.encode("兴隆台", java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(found.path("regions").size()).isEqualTo(1);
        assertThat(found.path("regions").get(0).path("code").asString()).isEqualTo("211103");

        assertThat(http.get("/api/v1/regions?q=%00").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/regions?q=" + "x".repeat(41)).status()).isEqualTo(400);
    }

    @Test
    void operationsEndpointsShowTheReleaseAndTheEvaluations() {
        http.post("/api/v1/evaluations?dryRun=true", BAIYIN);
        JsonNode health = http.get("/actuator/health").json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.toString()).contains("releaseId").contains("sha256:");
        String prometheus = http.get("/actuator/prometheus").body();
        assertThat(prometheus).contains("compliance_evaluations_seconds_count{areas=\"FEE\",outcome=\"NON_COMPLIANT\"")
                .contains("compliance_area_results_total{area=\"FEE\",status=\"NON_COMPLIANT\"");
        JsonNode openApi = http.get("/v3/api-docs").json();
        assertThat(openApi.path("paths").has("/api/v1/evaluations")).isTrue();
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void aStoredDecisionThatWasEditedIsServedAsNotVerifiedAndTheBreakIsCounted() {
        String id = http.post("/api/v1/evaluations", BAIYIN).json().path("decisionId").asString();
        JsonNode before = http.get("/api/v1/decisions/" + id).json();
        assertThat(before.path("integrity").path("verified").asBoolean()).isTrue();
        assertThat(before.path("chain").path("keyId").asString()).isEqualTo("dev");
        String response = jdbc.queryForObject("select response_json from decision where id = cast(? as uuid)", String.class, id);
        jdbc.update("update decision set outcome = 'COMPLIANT', response_json = ? where id = cast(? as uuid)",
                response.replace("NON_COMPLIANT", "COMPLIANT"), id);
        try {
            JsonNode after = http.get("/api/v1/decisions/" + id).json();
            assertThat(after.path("outcome").asString()).isEqualTo("COMPLIANT");
            assertThat(after.path("integrity").path("verified").asBoolean()).isFalse();
            assertThat(after.path("integrity").path("reason").asString()).contains("changed after it was written");
            assertThat(http.get("/actuator/prometheus").body()).containsPattern("compliance_decisions_chain_breaks_total\\S* [1-9]");
            JsonNode verification = http.get("/api/v1/decisions/verification?from=" + java.time.LocalDate.now(
                    cn.propertycompliance.decisions.DecisionService.CHINA).minusDays(1)).json();
            assertThat(verification.path("status").asString()).isEqualTo("BROKEN");
            assertThat(verification.path("firstBroken").path("decisionId").asString()).isEqualTo(id);
            assertThat(verification.path("firstBroken").path("sequence").asLong()).isEqualTo(before.path("chain").path("seq").asLong());
        } finally {
            jdbc.update("update decision set outcome = 'NON_COMPLIANT', response_json = ? where id = cast(? as uuid)", response, id);
        }
        assertThat(http.get("/api/v1/decisions/" + id).json().path("integrity").path("verified").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/decisions/verification").json().path("status").asString()).isEqualTo("INTACT");
    }
}
