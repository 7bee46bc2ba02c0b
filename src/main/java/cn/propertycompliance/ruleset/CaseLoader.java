package cn.propertycompliance.ruleset;

import cn.propertycompliance.vocabulary.FindingCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads {@code rules/**}{@code /cases/*.yaml}. The request bodies are checked when the cases run. */
final class CaseLoader {

    record CaseFile(List<CaseEntry> cases) {
    }

    record CaseEntry(String name, String description, JsonNode request, Expect expect) {
    }

    record Expect(String outcome, Map<String, String> areas, String eligibility, List<FindingEntry> findings,
                  List<String> absent, Boolean exhaustive, List<String> invalid) {
    }

    record FindingEntry(String code, String subject, String ruleId, String severity, Map<String, Object> details,
                        List<String> actions, List<String> cites) {
    }

    List<ScenarioCase> load(List<SourceFile> files, Map<String, Jurisdiction> jurisdictions, Problems problems) {
        List<ScenarioCase> cases = new ArrayList<>();
        for (SourceFile file : files) {
            String jurisdiction = JurisdictionLoader.owning(jurisdictions, file.folder()).map(Jurisdiction::code).orElse(null);
            Optional<CaseFile> parsed = YamlFiles.read(file, CaseFile.class, problems);
            if (parsed.isEmpty()) {
                continue;
            }
            if (parsed.get().cases() == null || parsed.get().cases().isEmpty()) {
                problems.error(file, 1, "a cases file holds a non-empty 'cases:' list");
                continue;
            }
            for (CaseEntry c : parsed.get().cases()) {
                int line = file.lineOf("name: " + c.name());
                if (c.name() == null || c.request() == null || c.expect() == null) {
                    problems.error(file, line, "a case needs name, request and expect");
                    continue;
                }
                Expect e = c.expect();
                List<ScenarioCase.ExpectedFinding> findings = new ArrayList<>();
                for (FindingEntry f : e.findings() == null ? List.<FindingEntry>of() : e.findings()) {
                    if (f.code() == null || FindingCode.parse(f.code()).isEmpty()) {
                        problems.error(file, line, "case '" + c.name() + "': unknown finding code " + f.code());
                        continue;
                    }
                    findings.add(new ScenarioCase.ExpectedFinding(f.code(), f.subject(), f.ruleId(), f.severity(),
                            f.details() == null ? Map.of() : new LinkedHashMap<>(f.details()),
                            f.actions() == null ? List.of() : f.actions(), f.cites() == null ? List.of() : f.cites()));
                }
                for (String code : e.absent() == null ? List.<String>of() : e.absent()) {
                    if (FindingCode.parse(code).isEmpty()) {
                        problems.error(file, line, "case '" + c.name() + "': unknown finding code " + code + " in absent");
                    }
                }
                cases.add(new ScenarioCase(c.name(), file.path(), line, jurisdiction, c.request(), e.outcome(),
                        e.areas() == null ? Map.of() : e.areas(), e.eligibility(), List.copyOf(findings),
                        e.absent() == null ? List.of() : e.absent(), e.exhaustive() == null || e.exhaustive(),
                        e.invalid() == null ? List.of() : List.copyOf(e.invalid())));
            }
        }
        return cases;
    }
}
