package cn.propertycompliance.api;

import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseReloader;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/releases/current}: the release in service. {@code POST /api/v1/releases} (policy officers):
 * rebuild it from the rule and policy files on disk; invalid files are a 422 listing every problem with file:line,
 * and the release in service stays.
 */
@RestController
@RequestMapping("/api/v1/releases")
class ReleaseController {

    private static final Logger log = LoggerFactory.getLogger(ReleaseController.class);

    record ReleaseView(String releaseId, String label, Instant builtAt, int rules, int parameterTables, int documents,
                       int cases) {
        static ReleaseView of(Release r) {
            return new ReleaseView(r.id(), r.label(), r.builtAt(), r.rules().size(), r.parameters().tables().size(),
                    r.policies().documents().size(), r.cases().size());
        }
    }

    record ReloadView(boolean changed, String previousReleaseId, ReleaseView release) {
    }

    private final ActiveRelease active;
    private final ReleaseReloader reloader;

    ReleaseController(ActiveRelease active, ReleaseReloader reloader) {
        this.active = active;
        this.reloader = reloader;
    }

    @Operation(summary = "The rule release in service")
    @GetMapping("/current")
    ReleaseView current() {
        return ReleaseView.of(active.current());
    }

    @Operation(summary = "Rebuild the release from the files on disk and put it in service if valid (422 with every problem otherwise)")
    @PostMapping
    ReloadView reload(@RequestParam(required = false) String label, HttpServletRequest request) {
        ReleaseReloader.Reload r = reloader.reload(label == null || label.isBlank() ? null : label.strip());
        if (r.changed()) {
            String by = Caller.of(request).name();
            log.info("release {} ({}) in service, replacing {}; requested by {}", r.current().id(), r.current().label(),
                    r.previous().id(), by.isEmpty() ? "(no API keys)" : by);
        }
        return new ReloadView(r.changed(), r.previous().id(), ReleaseView.of(r.current()));
    }
}
