package cn.propertycompliance.api;

import cn.propertycompliance.decisions.DatabaseUnavailableException;
import cn.propertycompliance.decisions.DecisionNotRecordedException;
import cn.propertycompliance.decisions.DecisionOutcomeUnknownException;
import cn.propertycompliance.decisions.RequestIdConflictException;
import cn.propertycompliance.evaluation.InvalidRequestException;
import cn.propertycompliance.evaluation.RunawayRulesException;
import cn.propertycompliance.ruleset.ReleaseException;
import java.net.URI;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem types of this API, and the one mapping from our exceptions to problems — used by the error
 * handler for single requests and by the batch stream for its error lines, so both speak alike.
 */
final class Problems {

    static final URI INVALID_REQUEST = URI.create("/problems/invalid-request");
    static final URI UNAUTHORIZED = URI.create("/problems/unauthorized");
    static final URI FORBIDDEN = URI.create("/problems/forbidden");
    static final URI RELEASE_INVALID = URI.create("/problems/release-invalid");
    static final URI NOT_FOUND = URI.create("/problems/not-found");
    static final URI REQUEST_ID_CONFLICT = URI.create("/problems/request-id-conflict");
    static final URI BODY_TOO_LARGE = URI.create("/problems/body-too-large");
    static final URI NOT_RECORDED = URI.create("/problems/decision-not-recorded");
    static final URI OUTCOME_UNKNOWN = URI.create("/problems/decision-outcome-unknown");
    static final URI DATABASE_UNAVAILABLE = URI.create("/problems/database-unavailable");
    static final URI BAD_PATH = URI.create("/problems/bad-path");
    static final URI RULE_EVALUATION_FAILED = URI.create("/problems/rule-evaluation-failed");
    static final URI EVALUATION_DEADLINE = URI.create("/problems/evaluation-deadline");
    static final URI INTERNAL = URI.create("/problems/internal-error");

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(type);
        p.setTitle(title);
        return p;
    }

    /** The problem for a failure; unknown failures become a 500 that says nothing of the internals. */
    static ProblemDetail forException(Throwable e) {
        if (e instanceof InvalidRequestException invalid) {
            ProblemDetail p = of(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", invalid.getMessage());
            p.setProperty("errors", invalid.errors());
            return p;
        }
        if (e instanceof ReleaseException invalid) {
            ProblemDetail p = of(HttpStatus.UNPROCESSABLE_CONTENT, RELEASE_INVALID, "Rule release invalid",
                    invalid.problems().size() + " problem(s) in the rule and policy files; the release in service is unchanged");
            p.setProperty("errors", invalid.problems()); // each {file, line, message}
            return p;
        }
        if (e instanceof cn.propertycompliance.releases.ReleaseRefusal refusal) {
            ProblemDetail p = of(HttpStatus.valueOf(refusal.kind().status), URI.create(refusal.kind().type), refusal.kind().title,
                    refusal.getMessage());
            if (!refusal.errors().isEmpty()) {
                p.setProperty("errors", refusal.errors());
            }
            return p;
        }
        if (e instanceof BodyTooLargeException) {
            return of(HttpStatus.CONTENT_TOO_LARGE, BODY_TOO_LARGE, "Request body too large", e.getMessage());
        }
        if (e instanceof NotFoundException) {
            return of(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
        }
        if (e instanceof RequestIdConflictException) {
            return of(HttpStatus.CONFLICT, REQUEST_ID_CONFLICT, "requestId already used", e.getMessage());
        }
        if (e instanceof DecisionNotRecordedException) {
            ProblemDetail p = of(HttpStatus.SERVICE_UNAVAILABLE, NOT_RECORDED, "Decision not recorded",
                    "the decision was not recorded, so no verdict is returned; retrying is safe");
            p.setProperty("recorded", false);
            return p;
        }
        if (e instanceof DecisionOutcomeUnknownException unknown) {
            ProblemDetail p = of(HttpStatus.SERVICE_UNAVAILABLE, OUTCOME_UNKNOWN, "Decision outcome unknown",
                    "the database did not confirm whether the decision was recorded; retrying with the same requestId is "
                            + "safe (a recorded decision is returned, not recorded twice)" + (unknown.decisionId() == null ? ""
                            : ", and GET /api/v1/decisions/" + unknown.decisionId() + " tells once the database answers"));
            if (unknown.decisionId() != null) {
                p.setProperty("decisionId", unknown.decisionId().toString());
            }
            return p;
        }
        if (e instanceof DatabaseUnavailableException || e instanceof DataAccessException
                || e instanceof org.springframework.transaction.TransactionException) {
            ProblemDetail p = of(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE, "Database unavailable",
                    "the database did not answer in time; nothing was recorded; retrying is safe");
            p.setProperty("recorded", false);
            return p;
        }
        if (e instanceof cn.propertycompliance.evaluation.EvaluationDeadlineException) {
            return of(HttpStatus.SERVICE_UNAVAILABLE, EVALUATION_DEADLINE, "Evaluation deadline exceeded", e.getMessage());
        }
        if (e instanceof RunawayRulesException) {
            return of(HttpStatus.INTERNAL_SERVER_ERROR, RULE_EVALUATION_FAILED, "Rule evaluation failed", e.getMessage());
        }
        return of(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "Internal error",
                "the service could not complete the request; the error is logged");
    }

    /** The RFC 9457 members plus extension members at top level, for writing a problem outside Spring MVC. */
    static java.util.Map<String, Object> asMap(ProblemDetail p) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("type", p.getType().toString());
        out.put("title", p.getTitle());
        out.put("status", p.getStatus());
        out.put("detail", p.getDetail());
        if (p.getProperties() != null) {
            out.putAll(p.getProperties());
        }
        return out;
    }

    /** Server-side faults are logged with their stack trace; client errors are not worth a log line. */
    static boolean isServerFault(ProblemDetail p) {
        return p.getStatus() >= 500;
    }
}
