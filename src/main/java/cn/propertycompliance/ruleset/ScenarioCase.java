package cn.propertycompliance.ruleset;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A scenario case beside the rules it tests: a request body and what the service must answer. By default the
 * expected findings are the complete list (by code and subject); {@code exhaustive: false} checks only those listed.
 * {@code invalid} lists request fields the parser must reject (a 400): the case then passes only if the request is
 * refused with at least those fields named.
 */
public record ScenarioCase(
        String name,
        String file,
        int line,
        String jurisdiction,
        JsonNode request,
        String outcome,
        Map<String, String> areas,
        String eligibility,
        List<ExpectedFinding> findings,
        List<String> absent,
        boolean exhaustive,
        List<String> invalid) {

    /** One expected finding; details, actions and cites are checked only for what is listed. */
    public record ExpectedFinding(String code, String subject, String ruleId, String severity,
                                  Map<String, Object> details, List<String> actions, List<String> cites) {
    }

    public String displayName() {
        return file + ":" + line + " " + name;
    }
}
