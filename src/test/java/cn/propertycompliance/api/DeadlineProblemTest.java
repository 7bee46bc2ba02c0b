package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.evaluation.EvaluationDeadlineException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** An evaluation stopped at its deadline is the documented 503 problem, not a verdict and not a generic 500. */
class DeadlineProblemTest {

    @Test
    void theDeadlineIsA503EvaluationDeadlineProblem() {
        ProblemDetail p = Problems.forException(new EvaluationDeadlineException(Duration.ofMillis(300)));
        assertThat(p.getStatus()).isEqualTo(503);
        assertThat(p.getType()).hasToString("/problems/evaluation-deadline");
        assertThat(p.getDetail()).contains("300 ms");
    }
}
