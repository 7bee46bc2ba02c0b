package cn.propertycompliance.api;

import cn.propertycompliance.decisions.DecisionService;
import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.evaluation.EvaluationResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/evaluations}: facts in, a cited verdict out (api.md). */
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    private final DecisionService decisions;
    private final RequestBodies bodies;

    EvaluationController(DecisionService decisions, RequestBodies bodies) {
        this.decisions = decisions;
        this.bodies = bodies;
    }

    @Operation(summary = "Evaluate a community's facts at a date",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = EvaluationRequest.class),
                            examples = @ExampleObject(name = "白银 fee above the guidance band", value = ApiExamples.EVALUATION))),
            responses = {
                @ApiResponse(responseCode = "200", description = "verdict (recorded unless dryRun)",
                        content = @Content(schema = @Schema(implementation = EvaluationResult.class))),
                @ApiResponse(responseCode = "400", description = "invalid request; errors lists every bad field",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "409", description = "requestId reused with a different body"),
                @ApiResponse(responseCode = "413", description = "body too large"),
                @ApiResponse(responseCode = "503", description = "the decision could not be recorded")})
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> evaluate(HttpServletRequest request,
                                    @Parameter(description = "evaluate without recording a decision")
                                    @RequestParam(defaultValue = "false") boolean dryRun,
                                    @Parameter(description = "add `trace`: every rule of the requested areas with `reason` — "
                                            + "FIRED, CONDITION_NOT_MET (`detail`: the first condition that failed, as written; "
                                            + "`at`: its file:line), OVERRIDDEN (`detail`: the overriding rule), NOT_IN_FORCE "
                                            + "(`detail`: the rule's span) or OUTSIDE_REGION (`detail`: its layer and the chain)")
                                    @RequestParam(defaultValue = "false") boolean trace) throws IOException {
        byte[] body = bodies.read(request);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(decisions.evaluate(body, dryRun, trace,
                Caller.of(request).name()));
    }
}
