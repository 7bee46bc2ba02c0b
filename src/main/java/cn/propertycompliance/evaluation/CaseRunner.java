package cn.propertycompliance.evaluation;

import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ScenarioCase.ExpectedFinding;
import cn.propertycompliance.ruleset.ScenarioCase;
import cn.propertycompliance.vocabulary.Action;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a scenario case through the same parser and evaluator as the API and lists every way the answer differs
 * from the case's expectation (an empty list means the case passes).
 */
public final class CaseRunner {

    private final Release release;
    private final RequestParser parser;
    private final RegionTable regions;
    private final Evaluator evaluator;

    public CaseRunner(Release release, RegionTable regions, Evaluator evaluator) {
        this.release = release;
        this.regions = regions;
        this.parser = new RequestParser(regions);
        this.evaluator = evaluator;
    }

    public EvaluationResult evaluate(ScenarioCase c) {
        return evaluate(parser.parse(c.request()));
    }

    /** A request body (JSON) against this release, exactly as a case is run; an invalid body throws with every bad field. */
    public EvaluationResult evaluate(byte[] body) {
        return evaluate(parser.parse(body));
    }

    private EvaluationResult evaluate(EvaluationRequest request) {
        Region region = regions.resolve(request.region()).orElseThrow();
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return evaluator.evaluate(release, request, region, asOf, request.effectiveAreas(), false);
    }

    public List<String> check(ScenarioCase c) {
        List<String> failures = new ArrayList<>();
        EvaluationResult result;
        try {
            result = evaluate(c);
        } catch (InvalidRequestException e) {
            if (c.invalid().isEmpty()) {
                return List.of("request is invalid: " + e.errors());
            }
            List<String> fields = e.errors().stream().map(FieldError::field).toList();
            return c.invalid().stream().filter(f -> !fields.contains(f))
                    .map(f -> "expected " + f + " to be rejected, but the errors were " + e.errors()).toList();
        }
        if (!c.invalid().isEmpty()) {
            return List.of("expected the request to be rejected (400) for " + c.invalid() + ", but it was evaluated");
        }
        List<Finding> unmatched = new ArrayList<>(result.findings());
        for (ExpectedFinding expected : c.findings()) {
            Finding match = unmatched.stream().filter(f -> matches(expected, f)).findFirst().orElse(null);
            if (match == null) {
                failures.add("expected " + describe(expected) + " but got " + summary(result.findings()));
            } else {
                unmatched.remove(match);
            }
        }
        if (c.exhaustive() && !unmatched.isEmpty()) {
            failures.add("unexpected findings " + summary(unmatched));
        }
        for (String code : c.absent()) {
            if (result.findings().stream().anyMatch(f -> f.code().equals(code))) {
                failures.add("expected no " + code + " but got " + summary(result.findings()));
            }
        }
        if (c.outcome() != null && !c.outcome().equals(result.outcome().name())) {
            failures.add("outcome " + result.outcome() + ", expected " + c.outcome());
        }
        c.areas().forEach((area, status) -> {
            EvaluationResult.AreaResult actual = result.areas().get(Area.valueOf(area));
            if (actual == null || !actual.status().name().equals(status)) {
                failures.add("area " + area + " is " + (actual == null ? "not evaluated" : actual.status()) + ", expected " + status);
            }
        });
        if (c.eligibility() != null) {
            EvaluationResult.AreaResult repair = result.areas().get(Area.REPAIR);
            String actual = repair == null ? null : repair.eligibility();
            if (!c.eligibility().equals(actual)) {
                failures.add("REPAIR eligibility " + actual + ", expected " + c.eligibility());
            }
        }
        for (Finding f : result.findings()) {
            if (f.message().matches(".*\\{[A-Za-z][A-Za-z0-9_]*}.*")) {
                failures.add(f.ruleId() + " left a placeholder in its message: " + f.message());
            }
            // Every rule's finding quotes its clause; the evaluation's own findings (a gap in coverage of a place with
            // no encoded text, an eligibility nothing decided) cite what they can.
            boolean fromRule = release.rule(f.ruleId()).isPresent();
            if ((fromRule && f.citations().isEmpty()) || f.citations().stream().anyMatch(x -> x.text() == null || x.text().isBlank())) {
                failures.add(f.ruleId() + " has a finding without clause text");
            }
        }
        return failures;
    }

    private boolean matches(ExpectedFinding e, Finding f) {
        if (!e.code().equals(f.code())) {
            return false;
        }
        if (e.subject() != null && !e.subject().equals(f.subject())) {
            return false;
        }
        if (e.ruleId() != null && !e.ruleId().equals(f.ruleId())) {
            return false;
        }
        if (e.severity() != null && !e.severity().equals(f.severity().name())) {
            return false;
        }
        for (Map.Entry<String, Object> d : e.details().entrySet()) {
            if (!sameValue(d.getValue(), f.details().get(d.getKey()))) {
                return false;
            }
        }
        List<String> actionCodes = f.actions().stream().map(Action::code).toList();
        if (!actionCodes.containsAll(e.actions())) {
            return false;
        }
        for (String cite : e.cites()) {
            if (f.citations().stream().noneMatch(c -> citesAs(c, cite))) {
                return false;
            }
        }
        return true;
    }

    /** "doc-id#clause" in a case names a clause by document id; findings show the 文号, so resolve through policies. */
    private boolean citesAs(Citation c, String ref) {
        int hash = ref.indexOf('#');
        if (hash < 0) {
            return false;
        }
        String docId = ref.substring(0, hash);
        String clause = ref.substring(hash + 1);
        return release.policies().document(docId)
                .map(doc -> doc.citedAs().equals(c.document()) && clause.equals(c.clause()))
                .orElse(false);
    }

    /** Numbers compare by value (1.4950 = 1.495); lists element-wise; everything else by its text. */
    static boolean sameValue(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Number && actual instanceof Number) {
            return new BigDecimal(expected.toString()).compareTo(new BigDecimal(actual.toString())) == 0;
        }
        if (expected instanceof Collection<?> ec && actual instanceof Collection<?> ac) {
            if (ec.size() != ac.size()) {
                return false;
            }
            var ai = ac.iterator();
            for (Object e : ec) {
                if (!sameValue(e, ai.next())) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(expected.toString(), actual instanceof LocalDate d ? d.toString() : actual.toString());
    }

    private static String describe(ExpectedFinding e) {
        return e.code() + (e.subject() == null ? "" : " on " + e.subject()) + (e.ruleId() == null ? "" : " by " + e.ruleId())
                + (e.details().isEmpty() ? "" : " with " + e.details()) + (e.cites().isEmpty() ? "" : " citing " + e.cites());
    }

    private static String summary(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + "(" + f.ruleId() + ", " + f.subject() + ", " + f.details() + ")").toList().toString();
    }
}
