package cn.propertycompliance.review;

/** Stable ids of the report's parts, derived from file content only (never from positions), so links survive edits. */
final class Anchors {

    private Anchors() {
    }

    static String document(String documentId) {
        return "doc-" + documentId;
    }

    static String clause(String documentId, String clauseId) {
        return "clause-" + documentId + "-" + clauseId;
    }

    static String rule(String ruleId) {
        return "rule-" + ruleId;
    }

    static String caseRun(CaseRun run) {
        return "case-" + run.scenario().file() + "-" + run.scenario().line();
    }
}
