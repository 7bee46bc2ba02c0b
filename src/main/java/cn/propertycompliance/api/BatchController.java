package cn.propertycompliance.api;

import cn.propertycompliance.ComplianceProperties;
import cn.propertycompliance.decisions.DecisionService;
import cn.propertycompliance.evaluation.RequestParser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/evaluations/batch}: NDJSON in, NDJSON out, one output line per non-blank input line, in input
 * order. Lines are evaluated in parallel and recorded by group commit, with a bounded number in flight, so memory
 * stays flat whatever the size of the stream. A bad line gets its own error line and the stream goes on.
 *
 * <p>Output line: {@code {"line":n,"status":200,"result":{…evaluation response…}}} or
 * {@code {"line":n,"status":400,"problem":{…RFC 9457…}}}. A line is written only after its decision is committed.
 */
@RestController
@RequestMapping("/api/v1/evaluations")
class BatchController {

    private static final Logger log = LoggerFactory.getLogger(BatchController.class);
    static final String NDJSON = "application/x-ndjson";
    private static final byte[] REQUEST_ID_KEY = "\"requestId\"".getBytes(StandardCharsets.UTF_8);

    private final DecisionService decisions;
    private final RequestParser parser;
    private final ExecutorService workers;
    private final int maxLineBytes;
    private final int window;

    BatchController(DecisionService decisions, RequestParser parser, ExecutorService batchWorkers, ComplianceProperties props) {
        this.decisions = decisions;
        this.parser = parser;
        this.workers = batchWorkers;
        this.maxLineBytes = props.api().maxBodyBytes();
        this.window = props.api().batchWindow();
    }

    @Operation(summary = "Evaluate many communities: NDJSON in, NDJSON out (streamed, order kept)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "one evaluation request (the body of POST /api/v1/evaluations) per line; blank lines are skipped",
                    content = @Content(mediaType = NDJSON, schema = @Schema(type = "string", format = "ndjson"),
                            examples = @ExampleObject(name = "two communities", value = ApiExamples.BATCH))),
            responses = {
                @ApiResponse(responseCode = "200", description = "one line per non-blank input line, in input order: "
                        + "{\"line\":n,\"status\":200,\"result\":{…verdict…}} or {\"line\":n,\"status\":4xx,\"problem\":{…RFC 9457…}}",
                        content = @Content(mediaType = NDJSON, schema = @Schema(type = "string", format = "ndjson"))),
                @ApiResponse(responseCode = "401", description = "no or unknown API key", content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "403", description = "the key lacks the PLATFORM role", content = @Content(mediaType = "application/problem+json"))})
    @PostMapping(path = "/batch", consumes = {NDJSON, "application/jsonl", "application/json"}, produces = NDJSON)
    void batch(HttpServletRequest request, HttpServletResponse response,
               @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        LineReader lines = new LineReader(request.getInputStream(), maxLineBytes);
        String client = Caller.of(request).name();
        ArrayDeque<CompletableFuture<String>> inFlight = new ArrayDeque<>(window);
        // Lines reusing a requestId run after the earlier line with that id, so the first one in the stream wins.
        Map<String, CompletableFuture<String>> byRequestId = new HashMap<>();
        int lineNo = 0;
        for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
            lineNo++;
            if (line.isBlank() && !line.tooLong()) {
                continue;
            }
            String requestId = requestIdOf(line);
            CompletableFuture<String> earlier = requestId == null ? null : byRequestId.get(requestId);
            CompletableFuture<String> answer = earlier == null ? submit(lineNo, line, dryRun, client)
                    : chainAfter(earlier, lineNo, line, dryRun, client);
            if (requestId != null) {
                byRequestId.put(requestId, answer);
            }
            inFlight.add(answer);
            if (byRequestId.size() > 4 * window) {
                byRequestId.values().removeIf(CompletableFuture::isDone);
            }
            while (inFlight.size() >= window || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                write(out, inFlight.poll());
            }
        }
        while (!inFlight.isEmpty()) {
            write(out, inFlight.poll());
        }
        out.flush();
    }

    private CompletableFuture<String> chainAfter(CompletableFuture<String> earlier, int lineNo, LineReader.Line line, boolean dryRun,
                                                 String client) {
        return earlier.handle((x, y) -> null).thenCompose(ignored -> submit(lineNo, line, dryRun, client));
    }

    /** Only lines that mention a requestId are read here, as far as their top-level requestId; the rest go straight to the workers. */
    private String requestIdOf(LineReader.Line line) {
        if (line.tooLong() || !contains(line.bytes(), REQUEST_ID_KEY)) {
            return null;
        }
        try {
            return parser.topLevelRequestId(line.bytes());
        } catch (RuntimeException e) {
            return null; // a malformed line is answered by its own error line
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private CompletableFuture<String> submit(int lineNo, LineReader.Line line, boolean dryRun, String client) {
        if (line.tooLong()) {
            return CompletableFuture.completedFuture(problemLine(lineNo, new BodyTooLargeException(maxLineBytes)));
        }
        return CompletableFuture
                .supplyAsync(() -> decisions.evaluateAsync(line.bytes(), dryRun, false, client), workers)
                .thenCompose(f -> f)
                .handle((json, failure) -> failure == null
                        ? "{\"line\":" + lineNo + ",\"status\":200,\"result\":" + json + "}"
                        : problemLine(lineNo, failure));
    }

    private static String problemLine(int lineNo, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        ProblemDetail problem = Problems.forException(cause);
        if (problem.getStatus() == 503) {
            log.warn("batch line {}: {}", lineNo, cause.getMessage()); // the database is away: expected, no trace
        } else if (Problems.isServerFault(problem)) {
            log.error("batch line {}: {}", lineNo, cause.getMessage(), cause);
        }
        return "{\"line\":" + lineNo + ",\"status\":" + problem.getStatus() + ",\"problem\":"
                + RequestParser.JSON.writeValueAsString(Problems.asMap(problem)) + "}";
    }

    private static void write(OutputStream out, CompletableFuture<String> next) throws IOException {
        String line;
        try {
            line = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch line futures complete normally", e);
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
