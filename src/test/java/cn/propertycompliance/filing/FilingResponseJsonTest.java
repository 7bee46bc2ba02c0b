package cn.propertycompliance.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.CaseRunner;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.ruleset.ScenarioCase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The same service-contract facts through the response's JSON mapper (as the API writes it): 15 days in Beijing,
 * 30 in Shanghai, 10 in Qingdao, a WARNING naming the pending deadline in Hubei; dates as yyyy-MM-dd.
 */
class FilingResponseJsonTest {

    private static final CaseRunner RUNNER = new CaseRunner(RepoRelease.get(), RepoRelease.REGIONS, new Evaluator(10_000));

    private static JsonNode finding(String region) {
        JsonNode request = RequestParser.JSON.readTree("""
                {"region":"%s","asOf":"2024-06-20","community":{"id":"CMP"},
                 "filings":{"events":[{"type":"SERVICE_CONTRACT_SIGNED","date":"2024-06-03"}]}}""".formatted(region));
        EvaluationResult result = RUNNER.evaluate(new ScenarioCase("json", "test", 1, null, request, null, Map.of(), null,
                List.of(), List.of(), false, List.of()));
        JsonNode json = RequestParser.JSON.readTree(RequestParser.JSON.writeValueAsString(result));
        assertThat(json.get("findings")).hasSize(1);
        return json.get("findings").get(0);
    }

    @Test
    void beijingFifteenDays() {
        JsonNode f = finding("110105");
        assertThat(f.get("code").asString()).isEqualTo("FILING_MISSING");
        assertThat(f.get("subject").asString()).isEqualTo("filing:SERVICE_CONTRACT");
        assertThat(f.at("/details/dueBy").asString()).isEqualTo("2024-06-18");
        assertThat(f.at("/details/daysLate").asInt()).isEqualTo(2);
        assertThat(f.at("/actions/0/code").asString()).isEqualTo("FILE_NOW");
        assertThat(f.at("/actions/0/by").asString()).isEqualTo("物业服务人");
        assertThat(f.get("message").asString()).contains("物业服务合同签订之日起15日内", "街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门");
    }

    @Test
    void shanghaiThirtyDays() {
        JsonNode f = finding("310104");
        assertThat(f.get("code").asString()).isEqualTo("FILING_DUE");
        assertThat(f.get("severity").asString()).isEqualTo("INFO");
        assertThat(f.at("/details/dueBy").asString()).isEqualTo("2024-07-03");
        assertThat(f.at("/actions/0/within").asInt()).isEqualTo(13);
    }

    @Test
    void qingdaoTenDays() {
        JsonNode f = finding("370202");
        assertThat(f.get("code").asString()).isEqualTo("FILING_MISSING");
        assertThat(f.at("/details/dueBy").asString()).isEqualTo("2024-06-13");
        assertThat(f.at("/details/daysLate").asInt()).isEqualTo(7);
    }

    @Test
    void hubeiWarningNamesThePendingDeadline() {
        for (String region : List.of("420000", "420100", "420106")) {
            JsonNode f = finding(region);
            assertThat(f.get("code").asString()).isEqualTo("FILING_NOT_RECORDED");
            assertThat(f.get("severity").asString()).isEqualTo("WARNING");
            assertThat(f.get("message").asString()).contains("待公布（PENDING）", "湖北省");
            assertThat(f.at("/details/parameterStatus").asString()).isEqualTo("PENDING");
            assertThat(f.at("/citations/0/clause").asString()).isEqualTo("（十三）");
        }
    }
}
