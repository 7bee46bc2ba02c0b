package cn.propertycompliance.console;

import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.releases.DraftCheck;
import cn.propertycompliance.releases.ReleaseDraft;
import cn.propertycompliance.releases.ReleaseDrafts;
import cn.propertycompliance.releases.ReleaseService;
import cn.propertycompliance.ruleset.SourceFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An officer's draft: start one from the release in service, edit its files (CodeMirror), see on each save every
 * problem at its line and every case passed or failed, try a request, submit. All of it is {@link ReleaseDrafts}.
 */
@Controller
class DraftPages {

    /** The example a new "try a request" box starts with: the README's 白银 request. */
    static final String EXAMPLE_REQUEST = """
            {
              "region": "620402", "asOf": "2026-11-01",
              "community": {"id": "BY-0001", "name": "白银某小区"},
              "fee": {"phase": "PRELIMINARY", "buildingType": "HIGH_RISE", "serviceLevel": 3, "chargedPrice": 1.60}
            }""";

    private final ReleaseDrafts drafts;

    DraftPages(ReleaseDrafts drafts) {
        this.drafts = drafts;
    }

    @PostMapping("/console/drafts")
    String start(@RequestParam(required = false) String label, @RequestParam(required = false) String path,
                 Principal who) {
        ReleaseDraft draft = drafts.start(label, who.getName());
        return "redirect:" + (path == null || path.isBlank() ? "/console/drafts/" + draft.id() : editUrl(draft.id(), path, null));
    }

    @GetMapping("/console/drafts/{id}")
    String draft(@PathVariable String id, Model model) {
        ReleaseDraft draft = drafts.get(id);
        model.addAttribute("draft", draft);
        model.addAttribute("changed", drafts.changed(id));
        model.addAttribute("paths", drafts.files(id).stream().map(SourceFile::path).toList());
        model.addAttribute("example", EXAMPLE_REQUEST);
        model.addAttribute("path", "");
        return checkModel(model, draft.lastCheck(), "", "console/draft");
    }

    @GetMapping("/console/drafts/{id}/edit")
    String edit(@PathVariable String id, @RequestParam String path, @RequestParam(required = false) Integer line, Model model) {
        ReleaseDraft draft = drafts.get(id);
        SourceFile file = drafts.files(id).stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
        model.addAttribute("draft", draft);
        model.addAttribute("path", path);
        model.addAttribute("line", line == null ? 1 : line);
        model.addAttribute("text", file == null ? "" : file.text());
        model.addAttribute("isNew", file == null);
        model.addAttribute("mode", path.endsWith(".drl") ? "text/x-java" : "yaml");
        return checkModel(model, draft.lastCheck(), path, "console/edit");
    }

    /** Save and check (htmx: the check panel; without script: back to the editor). */
    @PostMapping("/console/drafts/{id}/files")
    String save(@PathVariable String id, @RequestParam String path, @RequestParam String content, Principal who,
                Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        DraftCheck check = drafts.save(id, path, content, who.getName());
        if (htmx == null) {
            return "redirect:" + editUrl(id, path, null);
        }
        model.addAttribute("draft", drafts.get(id));
        model.addAttribute("path", path);
        return checkModel(model, check, path, "console/fragments :: check");
    }

    /** The check panel's data: every problem and failing case, and this file's own, which the editor marks at their lines. */
    static String checkModel(Model model, DraftCheck check, String path, String view) {
        model.addAttribute("check", check);
        model.addAttribute("fileProblems", check == null ? List.of()
                : check.problems().stream().filter(p -> p.file().equals(path)).toList());
        model.addAttribute("fileCases", check == null ? List.of()
                : check.cases().stream().filter(c -> c.file().equals(path)).toList());
        return view;
    }

    @PostMapping("/console/drafts/{id}/try")
    String tryRequest(@PathVariable String id, @RequestParam String request, Principal who, Model model) {
        EvaluationResult result = drafts.tryRequest(id, request.getBytes(StandardCharsets.UTF_8), who.getName());
        model.addAttribute("result", result);
        return "console/fragments :: verdict";
    }

    @PostMapping("/console/drafts/{id}/submission")
    String submit(@PathVariable String id, Principal who) {
        ReleaseService.Submission s = drafts.submit(id, who.getName());
        return "redirect:/console/releases/" + s.release().id();
    }

    static String editUrl(String draftId, String path, Integer line) {
        return "/console/drafts/" + draftId + "/edit?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                + (line == null ? "" : "&line=" + line);
    }
}
