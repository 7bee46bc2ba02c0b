package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/rules} and the {@code /review} pages over real HTTP. */
class ReviewApiTest extends ReviewServiceTestBase {

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("rules").forEach(r -> ids.add(r.path("id").asString()));
        return ids;
    }

    @Test
    void theCatalogueListsTheRulesThatApplyInARegionOnADateWithTheirCitedClauseTexts() {
        Http.Response r = http.get("/api/v1/rules?area=FEE&jurisdiction=420102&asOf=2026-11-01");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("release").path("id").asString()).startsWith("sha256:");
        assertThat(body.path("release").path("label").asString()).isEqualTo("review-fixture");
        assertThat(body.path("filters").path("jurisdiction").asString()).isEqualTo("420102");
        List<String> ids = ids(body);
        assertThat(body.path("count").asInt()).isEqualTo(ids.size());
        // In Wuhan from 2021-06-09 the Hubei rule replaces the national one; other provinces' rules do not apply.
        assertThat(ids).contains("HB-FEE-UNDISCLOSED-ITEM", "CN-FEE-UNILATERAL-ADJUSTMENT", "CN-FEE-ABOVE-GUIDANCE-BAND")
                .doesNotContain("CN-FEE-UNDISCLOSED-ITEM", "LN-FEE-QUALITY-BELOW-PRICE-TIER");
        JsonNode hubei = body.path("rules").get(ids.indexOf("HB-FEE-UNDISCLOSED-ITEM"));
        assertThat(hubei.path("area").asString()).isEqualTo("FEE");
        assertThat(hubei.path("code").asString()).isEqualTo("FEE_UNDISCLOSED_ITEM");
        assertThat(hubei.path("severity").asString()).isEqualTo("VIOLATION");
        assertThat(hubei.path("jurisdiction").asString()).isEqualTo("420000");
        assertThat(hubei.path("jurisdictionName").asString()).isEqualTo("湖北省");
        assertThat(hubei.path("effective").asString()).isEqualTo("2021-06-09");
        assertThat(hubei.path("overrides").asString()).isEqualTo("CN-FEE-UNDISCLOSED-ITEM");
        assertThat(hubei.path("message").asString()).isEqualTo("收取了未公示的收费项目：{item}");
        JsonNode citation = hubei.path("citations").get(0);
        assertThat(citation.path("ref").asString()).isEqualTo("hubei-ejw-2021-11#（十二）");
        assertThat(citation.path("document").asString()).isEqualTo("鄂建文〔2021〕11号");
        assertThat(citation.path("clause").asString()).isEqualTo("（十二）");
        assertThat(citation.path("text").asString()).contains("物业服务企业不得收取公示收费项目以外的费用");
    }

    @Test
    void withoutADateTheCatalogueListsEveryRuleOfTheChainAndWhoOverridesIt() {
        JsonNode body = http.get("/api/v1/rules?jurisdiction=420100").json();
        List<String> ids = ids(body);
        assertThat(ids).contains("CN-FEE-UNDISCLOSED-ITEM", "HB-FEE-UNDISCLOSED-ITEM").doesNotContain("LN-FEE-QUALITY-BELOW-PRICE-TIER");
        JsonNode national = body.path("rules").get(ids.indexOf("CN-FEE-UNDISCLOSED-ITEM"));
        // 河南 第四十八条 is a table entry the national rule cites (no HEN override since issue 10).
        assertThat(national.path("overriddenBy").toString()).contains("HB-FEE-UNDISCLOSED-ITEM").doesNotContain("HEN-");
        // Before the Hubei notice, the national rule is the one in force in Wuhan.
        assertThat(ids(http.get("/api/v1/rules?jurisdiction=420100&asOf=2021-06-08").json()))
                .contains("CN-FEE-UNDISCLOSED-ITEM").doesNotContain("HB-FEE-UNDISCLOSED-ITEM");
        assertThat(ids(http.get("/api/v1/rules").json())).contains("LN-FEE-QUALITY-BELOW-PRICE-TIER", "HB-FEE-UNDISCLOSED-ITEM");
        assertThat(ids(http.get("/api/v1/rules?jurisdiction=000000").json())).allMatch(id -> id.startsWith("CN-"));
    }

    @Test
    void badFiltersAreOne400ProblemListingEachOfThem() {
        Http.Response r = http.get("/api/v1/rules?area=PARKING&jurisdiction=999999&asOf=2026-13-01");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactly("area", "jurisdiction", "asOf");
    }

    @Test
    void theReviewIsPagedSummaryFirstAndTheMarkdownIsTheWholeReport() {
        String releaseId = http.get("/api/v1/rules").json().path("release").path("id").asString();
        Http.Response summary = http.get("/review");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.contentType()).startsWith("text/html").contains("UTF-8");
        assertThat(summary.body()).startsWith("<!DOCTYPE html>").contains(releaseId).doesNotContain("<script")
                .contains("规则覆盖").contains("href=\"/review/documents/hubei-ejw-2021-11#doc-hubei-ejw-2021-11\"")
                .doesNotContain("id=\"clause-hubei-ejw-2021-11-（十二）\"");

        Http.Response document = http.get("/review/documents/hubei-ejw-2021-11");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("id=\"clause-hubei-ejw-2021-11-（十二）\"").contains("href=\"/review/cases#case-")
                .contains("href=\"/review#top\"");
        for (String section : List.of("attention", "conflicts", "coverage", "law-coverage", "rules", "cases", "notes")) {
            assertThat(http.get("/review/" + section).status()).as(section).isEqualTo(200);
        }
        assertThat(http.get("/review/nothing-here").status()).isEqualTo(404);
        assertThat(http.get("/review/documents/no-such-document").status()).isEqualTo(404);

        // No page carries the whole report, and no table cell lists more than a handful of cases.
        int largest = 0;
        for (String path : List.of("/review", "/review/documents/hubei-ejw-2021-11", "/review/documents/civil-code-general",
                "/review/coverage", "/review/cases", "/review/attention")) {
            largest = Math.max(largest, http.get(path).body().length());
        }
        Http.Response md = http.get("/review.md");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.body()).startsWith("# 规则发布包法制审核报告").contains(releaseId).contains("（十二）");
        assertThat(largest).isLessThan(md.body().length() / 2);
        assertThat(http.get("/review").body()).isEqualTo(summary.body());
    }
}
