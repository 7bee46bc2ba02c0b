package cn.propertycompliance.api;

import cn.propertycompliance.decisions.DecisionNotRecordedException;
import cn.propertycompliance.decisions.RequestIdConflictException;
import cn.propertycompliance.evaluation.InvalidRequestException;
import cn.propertycompliance.evaluation.RunawayRulesException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as {@code application/problem+json} (RFC 9457) with a plain-language detail; stack traces and
 * class names stay in the server log. Spring's own HTTP errors (404, 405, 415…) are handled by the base class.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler({InvalidRequestException.class, BodyTooLargeException.class, NotFoundException.class,
            RequestIdConflictException.class, DecisionNotRecordedException.class, RunawayRulesException.class,
            cn.propertycompliance.decisions.DecisionOutcomeUnknownException.class,
            cn.propertycompliance.decisions.DatabaseUnavailableException.class,
            cn.propertycompliance.ruleset.ReleaseException.class, Exception.class})
    ResponseEntity<ProblemDetail> handle(Exception e) {
        ProblemDetail problem = Problems.forException(e);
        if (problem.getStatus() == 503) {
            log.warn("{}: {}", problem.getTitle(), e.getMessage()); // expected while the database is away: no trace
            // The service refuses for a second after the database could not be reached: say when to come back.
            return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
        }
        if (Problems.isServerFault(problem)) {
            log.error("{}: {}", problem.getTitle(), e.getMessage(), e);
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
