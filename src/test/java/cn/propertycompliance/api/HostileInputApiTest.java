package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.support.Http;
import cn.propertycompliance.support.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Hostile but well-formed requests (issue 16: each of these once gave a 500, an out-of-memory or a 100 MB answer) and
 * the classes around them, sent to the single and the batch endpoint of a service recording to PostgreSQL: each is a
 * 400 problem naming the field, nothing is recorded, and the answer stays small.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputApiTest {

    /** Far more than any answer here needs; the 1e-99999999 answer was 100 MB. */
    static final int MAX_ANSWER_BYTES = 16_384;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.useFreshSchema(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A valid Baiyin fee request with {@code extra} fields added to the top level and {@code fee} fields to the fee. */
    static String body(String top, String fee) {
        return "{\"region\":\"620402\",\"asOf\":\"2026-11-01\",\"community\":{\"id\":\"BY-0001\",\"name\":\"白银某小区\"},"
                + "\"fee\":{\"phase\":\"PRELIMINARY\",\"buildingType\":\"HIGH_RISE\",\"serviceLevel\":3" + fee + "}" + top + "}";
    }

    static String withCommunity(String community) {
        return "{\"region\":\"620402\",\"community\":{\"id\":\"BY-0001\"" + community + "},\"fee\":{}}";
    }

    static String withMember(String member) {
        return "{\"region\":\"110105\",\"community\":{\"id\":\"BJ-1\"},\"committee\":{\"members\":[{\"id\":\"m-1\"" + member + "}]}}";
    }

    static String withVote(String vote) {
        return "{\"region\":\"110105\",\"community\":{\"id\":\"BJ-1\"},\"repair\":{\"category\":\"ELEVATOR_FAULT\",\"vote\":"
                + "{\"purpose\":\"USE\",\"heldOn\":\"2026-10-01\"" + vote + "}}}";
    }

    static String items(String itemJson, int n) {
        return IntStream.range(0, n).mapToObj(i -> itemJson.replace("#", String.valueOf(i))).collect(Collectors.joining(","));
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                // the inputs of the issue
                Arguments.of("totalOwners 3000000000", withCommunity(",\"totalOwners\":3000000000"), "community.totalOwners"),
                Arguments.of("price 1e400", body("", ",\"chargedPrice\":1e400"), "fee.chargedPrice"),
                Arguments.of("price 99999999999999999999", body("", ",\"chargedPrice\":99999999999999999999"), "fee.chargedPrice"),
                Arguments.of("households 99999999999999999999", withCommunity(",\"households\":99999999999999999999"), "community.households"),
                Arguments.of("meetings 2147483648", withMember(",\"meetingsHeldLast12Months\":2147483648"),
                        "committee.members[0].meetingsHeldLast12Months"),
                Arguments.of("price 1e2147483648", body("", ",\"chargedPrice\":1e2147483648"), "fee.chargedPrice"),
                Arguments.of("price 1e-299999999 (was OOM)", body("", ",\"chargedPrice\":1e-299999999"), "fee.chargedPrice"),
                Arguments.of("price 1e-99999999 (was a 100 MB answer)", body("", ",\"chargedPrice\":1e-99999999"), "fee.chargedPrice"),
                Arguments.of("10,001 charged items (was the firing cap)",
                        body("", ",\"chargedPrice\":1.2,\"chargedItems\":[" + items("{\"name\":\"项目#\",\"amount\":1}", 10_001) + "]"),
                        "fee.chargedItems"),
                Arguments.of("requestId with U+0000", body(",\"requestId\":\"a\\u0000b\"", ""), "requestId"),
                Arguments.of("duplicate region", "{\"region\":\"620402\",\"region\":\"110101\",\"community\":{\"id\":\"x\"},\"fee\":{}}",
                        "region"),
                // other integer fields, exponents and scales
                Arguments.of("serviceLevel 2147483648", body("", "").replace("\"serviceLevel\":3", "\"serviceLevel\":2147483648"), "fee.serviceLevel"),
                Arguments.of("serviceLevel 1.5", body("", "").replace("\"serviceLevel\":3", "\"serviceLevel\":1.5"), "fee.serviceLevel"),
                Arguments.of("serviceLevel 3e0", body("", "").replace("\"serviceLevel\":3", "\"serviceLevel\":3e0"), "fee.serviceLevel"),
                Arguments.of("assessedServiceLevel -1", body("", ",\"assessedServiceLevel\":-1"), "fee.assessedServiceLevel"),
                Arguments.of("households -2147483649", withCommunity(",\"households\":-2147483649"), "community.households"),
                Arguments.of("absences 9999", withMember(",\"consecutiveUnexcusedAbsences\":9999"),
                        "committee.members[0].consecutiveUnexcusedAbsences"),
                Arguments.of("vote owners 3000000000", withVote(",\"participatingOwners\":3000000000"), "repair.vote.participatingOwners"),
                Arguments.of("vote area 1E+5000", withVote(",\"participatingArea\":1E+5000"), "repair.vote.participatingArea"),
                Arguments.of("area 1e12", withCommunity(",\"totalExclusiveArea\":1e12"), "community.totalExclusiveArea"),
                Arguments.of("area of six decimals", withCommunity(",\"totalExclusiveArea\":1200.123456"), "community.totalExclusiveArea"),
                Arguments.of("price of 0.00001", body("", ",\"chargedPrice\":0.00001"), "fee.chargedPrice"),
                Arguments.of("new price 1e-2147483647", body("", ",\"priceChange\":{\"toPrice\":1e-2147483647}"), "fee.priceChange.toPrice"),
                Arguments.of("price of 60 digits", body("", ",\"chargedPrice\":1" + "0".repeat(59)), "fee.chargedPrice"),
                Arguments.of("cost 1e11", "{\"region\":\"110105\",\"community\":{\"id\":\"BJ-1\"},\"repair\":{\"estimatedCost\":1e11}}",
                        "repair.estimatedCost"),
                Arguments.of("price as a string", body("", ",\"chargedPrice\":\"1.6\""), "fee.chargedPrice"),
                Arguments.of("owners as a string", withCommunity(",\"totalOwners\":\"100\""), "community.totalOwners"),
                Arguments.of("flag as a string", withCommunity(",\"ownerCommitteeEstablished\":\"yes\""), "community.ownerCommitteeEstablished"),
                Arguments.of("enum as a number", body("", "").replace("\"HIGH_RISE\"", "1"), "fee.buildingType"),
                Arguments.of("empty enum", body("", "").replace("\"HIGH_RISE\"", "\"\""), "fee.buildingType"),
                Arguments.of("area name as an object", body(",\"areas\":[{\"FEE\":1}]", ""), "areas[0]"),
                Arguments.of("a second document after the first", body("", "") + "{}", ""),
                Arguments.of("5,000 unknown fields", withCommunity(items(",\"x#\":1", 5_000).replace(",,", ",")), "community.x0"),
                Arguments.of("id as a number", "{\"region\":\"620402\",\"community\":{\"id\":12},\"fee\":{}}", "community.id"),
                // list sizes
                Arguments.of("101 publicised items", body("", ",\"publicizedItems\":[" + items("\"项目#\"", 101) + "]"), "fee.publicizedItems"),
                Arguments.of("101 events", "{\"region\":\"110105\",\"community\":{\"id\":\"BJ-1\"},\"filings\":{\"events\":["
                        + items("{\"type\":\"TENDER_AWARDED\",\"date\":\"2020-01-01\"}", 101) + "]}}", "filings.events"),
                Arguments.of("51 members", "{\"region\":\"110105\",\"community\":{\"id\":\"BJ-1\"},\"committee\":{\"members\":["
                        + items("{\"id\":\"m-#\"}", 51) + "]}}", "committee.members"),
                Arguments.of("21 conduct entries", withMember(",\"conduct\":[" + items("{\"code\":\"FEE_ARREARS\"}", 21) + "]"),
                        "committee.members[0].conduct"),
                Arguments.of("5 areas", body(",\"areas\":[\"FEE\",\"FEE\",\"FEE\",\"FEE\",\"FEE\"]", ""), "areas"),
                // string lengths and character classes
                Arguments.of("name of 201 characters", withCommunity(",\"name\":\"" + "小".repeat(201) + "\""), "community.name"),
                Arguments.of("name of 20,000 characters", withCommunity(",\"name\":\"" + "x".repeat(20_000) + "\""), "community.name"),
                Arguments.of("empty community id", "{\"region\":\"620402\",\"community\":{\"id\":\"\"},\"fee\":{}}", "community.id"),
                Arguments.of("bell in a name", withCommunity(",\"name\":\"a\\u0007b\""), "community.name"),
                Arguments.of("tab in an item", body("", ",\"publicizedItems\":[\"a\\tb\"]"), "fee.publicizedItems[0]"),
                Arguments.of("bidi override in a member name", withMember(",\"name\":\"张\\u202E三\""), "committee.members[0].name"),
                Arguments.of("U+0085 in an authority", "{\"region\":\"110105\",\"community\":{\"id\":\"BJ-1\"},\"filings\":{\"records\":"
                        + "[{\"filing\":\"SERVICE_CONTRACT\",\"filedOn\":\"2026-01-01\",\"authority\":\"x\\u0085\"}]}}",
                        "filings.records[0].authority"),
                // duplicate keys at any depth, dates, nesting
                Arguments.of("duplicate fee price", body("", ",\"chargedPrice\":1.2,\"chargedPrice\":1.6"), "fee.chargedPrice"),
                Arguments.of("duplicate member id key", withMember(",\"id\":\"m-2\""), "committee.members[0].id"),
                Arguments.of("year 99999", body(",\"asOf\":\"+99999-01-01\"", "").replace("\"asOf\":\"2026-11-01\",", ""), "asOf"),
                Arguments.of("year 0001", body("", ",\"priceChange\":{\"effectiveOn\":\"0001-01-01\"}"), "fee.priceChange.effectiveOn"),
                Arguments.of("deep nesting", body("", ",\"priceDisplay\":{\"band\":" + "[".repeat(100) + "]".repeat(100) + "}"),
                        "fee.priceDisplay.band*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileRequestIsA400NamingTheFieldOnBothEndpoints(String name, String body, String field) {
        long before = decisions();

        Http.Response single = http.post("/api/v1/evaluations", body);
        assertThat(single.status()).as(single.body()).isEqualTo(400);
        assertThat(single.contentType()).startsWith("application/problem+json");
        assertThat(fields(single.json())).as(single.body()).anyMatch(f -> names(f, field));
        assertThat(single.body().length()).isLessThan(MAX_ANSWER_BYTES);
        assertThat(single.body()).doesNotContain("Exception").doesNotContain("tools.jackson").doesNotContain("at cn.");

        Http.Response batch = http.post("/api/v1/evaluations/batch", body + "\n" + body + "\n", "application/x-ndjson");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().length()).isLessThan(2 * MAX_ANSWER_BYTES);
        List<String> lines = batch.body().lines().toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode answer = RequestParser.JSON.readTree(line);
            assertThat(answer.path("status").asInt()).as(line).isEqualTo(400);
            assertThat(fields(answer.path("problem"))).as(line).anyMatch(f -> names(f, field));
        }
        assertThat(decisions()).isEqualTo(before);
    }

    /**
     * The largest request the limits admit — every list at its maximum — is evaluated, not stopped by the rule-firing
     * cap: the list sizes are chosen to keep it there.
     */
    @Test
    void theLargestValidRequestIsEvaluated() {
        String conduct = items("{\"code\":\"FEE_ARREARS\",\"date\":\"2026-0" + "1-01\"}", 20);
        String members = items("{\"id\":\"m-#\",\"name\":\"张三#\",\"role\":\"MEMBER\",\"owner\":true,\"meetingsHeldLast12Months\":12,"
                + "\"meetingsAbsentLast12Months\":1,\"conduct\":[" + conduct + "]}", 50);
        String body = "{\"region\":\"110105\",\"asOf\":\"2026-11-01\",\"community\":{\"id\":\"BJ-1\",\"totalOwners\":1000000,"
                + "\"totalExclusiveArea\":100000000},"
                + "\"fee\":{\"phase\":\"PRELIMINARY\",\"buildingType\":\"HIGH_RISE\",\"serviceLevel\":3,\"chargedPrice\":9999.9999,"
                + "\"publicizedItems\":[" + items("\"项目#\"", 100) + "],"
                + "\"chargedItems\":[" + items("{\"name\":\"收费#\",\"amount\":9999999999.9999}", 100) + "]},"
                + "\"filings\":{\"events\":[" + items("{\"type\":\"SERVICE_CONTRACT_SIGNED\",\"date\":\"2020-01-01\"}", 100) + "],"
                + "\"records\":[" + items("{\"filing\":\"SERVICE_CONTRACT\",\"filedOn\":\"2020-02-01\"}", 100) + "]},"
                + "\"committee\":{\"electedOn\":\"2025-01-01\",\"members\":[" + members + "]},"
                + "\"repair\":{\"category\":\"ELEVATOR_FAULT\",\"evidence\":[" + items("{\"type\":\"SITE_PHOTOS\"}", 20) + "]}}";
        Http.Response r = http.post("/api/v1/evaluations?dryRun=true", body);
        assertThat(r.status()).as(r.body().substring(0, Math.min(2000, r.body().length()))).isEqualTo(200);
        assertThat(r.json().path("outcome").asString()).isNotBlank();
    }

    /** {@code expected} is the field, or (ending in *) where the parser stood inside it. */
    static boolean names(String field, String expected) {
        return expected.endsWith("*") ? field.startsWith(expected.substring(0, expected.length() - 1)) : field.equals(expected);
    }

    static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.path("field").asString()));
        return out;
    }

    long decisions() {
        return jdbc.queryForObject("select count(*) from decision", Long.class);
    }
}
