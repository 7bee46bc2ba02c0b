package cn.propertycompliance.console;

import cn.propertycompliance.releases.ImpactReplay;
import cn.propertycompliance.releases.ReleaseRefusal;
import cn.propertycompliance.releases.ReleaseService;
import cn.propertycompliance.releases.ReleaseState;
import cn.propertycompliance.releases.StoredRelease;
import cn.propertycompliance.ruleset.ActiveRelease;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A release as a reviewer and an officer see it: checks, the diff against the active release, the impact on recorded
 * decisions, the paged review report, sign-off with a comment (reviewer), activation (officer) and the audit history.
 * Every step is {@link ReleaseService}'s, exactly as the release API performs it.
 */
@Controller
class ReleasePages {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final ReleaseService releases;
    private final ActiveRelease active;
    private final ConsoleReports reports;

    ReleasePages(ReleaseService releases, ActiveRelease active, ConsoleReports reports) {
        this.releases = releases;
        this.active = active;
        this.reports = reports;
    }

    @GetMapping("/console/releases/{id}")
    String release(@PathVariable String id, Model model) {
        StoredRelease release = releases.get(id);
        String against = against(id);
        model.addAttribute("release", release);
        model.addAttribute("history", releases.history(id));
        model.addAttribute("against", against);
        model.addAttribute("diff", against == null ? null : releases.diff(id, against));
        model.addAttribute("builds", release.checks().problems().isEmpty());
        model.addAttribute("awaitingSignOff", release.state() == ReleaseState.CHECKED);
        model.addAttribute("activatable", release.state() == ReleaseState.APPROVED || release.state() == ReleaseState.RETIRED);
        if (release.state() == ReleaseState.CHECKED && !active.current().id().equals(id)) {
            reports.prepareReviewed(id, () -> releases.compiled(id)); // the reviewer's next click is usually its report
        }
        return "console/release";
    }

    /** The active release in the database, else the one this replica serves (a production start before any activation). */
    private String against(String id) {
        String base = releases.active().map(StoredRelease::id).orElse(active.current().id());
        return base.equals(id) ? null : base;
    }

    /** Recorded decisions replayed through the release (htmx panel, loaded after the page). */
    @PostMapping("/console/releases/{id}/impact")
    String impact(@PathVariable String id, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String region, Model model) {
        model.addAttribute("impact", releases.impact(id, new ImpactReplay.Query(date("from", from), date("to", to),
                region == null || region.isBlank() ? null : region.strip(), null)));
        return "console/fragments :: impact";
    }

    /** An optional ISO date of the form (2026-01-01); anything else is refused naming the field. */
    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ReleaseRefusal(ReleaseRefusal.Kind.INVALID_REQUEST, "日期格式应为 2026-01-01",
                    List.of(field + ": " + value + " is not a date (yyyy-mm-dd)"));
        }
    }

    @PostMapping("/console/releases/{id}/approval")
    String decide(@PathVariable String id, @RequestParam String decision, @RequestParam(required = false) String comment,
                  Principal who) {
        releases.decide(id, decision, comment, who.getName());
        return "redirect:/console/releases/" + id;
    }

    @PostMapping("/console/releases/{id}/activation")
    String activate(@PathVariable String id, Principal who) {
        releases.activate(id, null, who.getName());
        return "redirect:/console/releases/" + id;
    }

    /** The release's legal review report, paged as /review is (summary, one page per document and per section). */
    @GetMapping({"/console/releases/{id}/report", "/console/releases/{id}/report/**"})
    ResponseEntity<String> report(@PathVariable String id, HttpServletRequest request) {
        String prefix = ConsoleReports.base(id);
        String uri = java.net.URLDecoder.decode(request.getRequestURI(), StandardCharsets.UTF_8);
        String page = uri.length() <= prefix.length() ? "" : uri.substring(prefix.length() + 1);
        boolean inService = active.current().id().equals(id);
        String html = reports.of(inService ? active.current() : releases.compiled(id), inService).pages().get(page);
        if (html == null) {
            throw new ConsoleErrors.NotFound("审核报告没有页面 " + page);
        }
        return ResponseEntity.ok().contentType(HTML).body(html);
    }
}
