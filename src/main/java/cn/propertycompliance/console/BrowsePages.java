package cn.propertycompliance.console;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterTable;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.releases.ReleaseDrafts;
import cn.propertycompliance.review.ClauseTrace;
import cn.propertycompliance.review.RegionCatalog;
import cn.propertycompliance.review.ReviewReport;
import cn.propertycompliance.review.RuleCatalog;
import cn.propertycompliance.review.RuleTrace;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.ruleset.SourceFile;
import cn.propertycompliance.vocabulary.Area;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reading the release in service: the jurisdictions as a tree with what each layer encodes per area, a rule with its
 * message, cited clause texts, table entries, cases and overrides, a clause with everything citing it, a table's
 * entries. The data are the review report's and the rule catalogue's (the same as /review and /api/v1/rules).
 */
@Controller
class BrowsePages {

    /** A jurisdiction folder and the folders below it (province → city → district). */
    record TreeNode(RegionCatalog.Layer layer, List<TreeNode> children) {
    }

    /** A parameter table's entries that apply where a rule applies (its layer and those below it). */
    record TableEntries(ParameterTable table, List<ParameterEntry> entries) {
    }

    private final ActiveRelease active;
    private final RegionTable regions;
    private final RegionCatalog regionCatalog;
    private final RuleCatalog ruleCatalog;
    private final ConsoleReports reports;
    private final ReleaseDrafts drafts;

    BrowsePages(ActiveRelease active, RegionTable regions, ConsoleReports reports, ReleaseDrafts drafts) {
        this.active = active;
        this.regions = regions;
        this.regionCatalog = new RegionCatalog(regions);
        this.ruleCatalog = new RuleCatalog(regions);
        this.reports = reports;
        this.drafts = drafts;
    }

    @GetMapping("/console/jurisdictions")
    String tree(Model model) {
        Release release = active.current();
        List<RegionCatalog.Layer> layers = regionCatalog.jurisdictions(release);
        Map<String, TreeNode> byCode = new TreeMap<>();
        List<TreeNode> roots = new ArrayList<>();
        for (RegionCatalog.Layer layer : layers) { // broadest first: a parent is placed before its children
            TreeNode node = new TreeNode(layer, new ArrayList<>());
            byCode.put(layer.code(), node);
            TreeNode parent = parentOf(layer.code(), byCode);
            (parent == null ? roots : parent.children()).add(node);
        }
        model.addAttribute("release", release);
        model.addAttribute("roots", roots);
        model.addAttribute("areas", Area.values());
        return "console/jurisdictions";
    }

    private TreeNode parentOf(String code, Map<String, TreeNode> placed) {
        List<String> chain = regions.resolve(code).map(r -> r.layers()).orElse(List.of());
        TreeNode parent = null;
        for (String layer : chain) {
            if (!layer.equals(code) && placed.containsKey(layer)) {
                parent = placed.get(layer);
            }
        }
        return parent;
    }

    @GetMapping("/console/jurisdictions/{code}")
    String jurisdiction(@PathVariable String code, Model model) {
        Release release = active.current();
        RegionCatalog.RegionEntry entry = (code.equals(RegionTable.NATIONAL) ? national(release) : regionCatalog.region(release, code))
                .orElseThrow(() -> new ConsoleErrors.NotFound("没有行政区划代码 " + code));
        model.addAttribute("release", release);
        model.addAttribute("region", entry);
        model.addAttribute("areas", Area.values());
        model.addAttribute("coverage", release.jurisdictions().stream().filter(j -> j.code().equals(code))
                .flatMap(j -> j.coverage().stream()).toList());
        return "console/jurisdiction";
    }

    /** The national layer is no division of the code table: its entry is its own layer alone. */
    private Optional<RegionCatalog.RegionEntry> national(Release release) {
        return regionCatalog.jurisdictions(release).stream().filter(l -> l.code().equals(RegionTable.NATIONAL)).findFirst()
                .map(l -> new RegionCatalog.RegionEntry(l.code(), l.name(), List.of(l.code()), List.of(l)));
    }

    @GetMapping("/console/rules/{id}")
    String rule(@PathVariable String id, Model model) {
        Release release = active.current();
        RuleMeta meta = release.rule(id).orElseThrow(() -> new ConsoleErrors.NotFound("没有规则 " + id));
        RuleCatalog.Entry entry = ruleCatalog.list(release, meta.area(), null, null).stream()
                .filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        ReviewReport report = reports.of(release, true).report();
        RuleTrace trace = report.rules().stream().filter(t -> t.rule().id().equals(id)).findFirst().orElse(null);
        model.addAttribute("release", release);
        model.addAttribute("rule", entry);
        model.addAttribute("trace", trace);
        model.addAttribute("source", source(release, meta));
        model.addAttribute("tables", tablesWhereItApplies(release, meta));
        return "console/rule";
    }

    /** The rule's text in its file: from its {@code rule} line to its {@code end}. */
    private static String source(Release release, RuleMeta rule) {
        SourceFile file = release.files().stream().filter(f -> f.path().equals(rule.file())).findFirst().orElse(null);
        if (file == null) {
            return "";
        }
        String[] lines = file.text().split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, rule.line() - 1); i < lines.length; i++) {
            out.append(lines[i]).append('\n');
            if (lines[i].strip().equals("end")) {
                break;
            }
        }
        return out.toString();
    }

    /** The area's tables with the entries of the rule's layer and every layer below it: the values it can read. */
    private List<TableEntries> tablesWhereItApplies(Release release, RuleMeta rule) {
        return release.parameters().tables().stream()
                .filter(t -> RegionCatalog.areaOf(t.name()) == rule.area())
                .sorted(Comparator.comparing(ParameterTable::name))
                .map(t -> new TableEntries(t, t.entries().stream()
                        .filter(e -> under(e.jurisdiction(), rule.jurisdiction())).toList()))
                .filter(t -> !t.entries().isEmpty())
                .toList();
    }

    private boolean under(String code, String layer) {
        return code.equals(layer) || regions.resolve(code).map(r -> r.layers().contains(layer)).orElse(false);
    }

    @GetMapping("/console/clause")
    String clause(@RequestParam String ref, Model model) {
        Release release = active.current();
        ClauseTrace clause = reports.of(release, true).report().documents().stream()
                .flatMap(d -> d.clauses().stream()).filter(c -> c.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new ConsoleErrors.NotFound("没有条款 " + ref));
        model.addAttribute("release", release);
        model.addAttribute("clause", clause);
        model.addAttribute("document", release.policies().document(clause.documentId()).orElseThrow());
        return "console/clause";
    }

    @GetMapping("/console/tables/{name}")
    String table(@PathVariable String name, @RequestParam(required = false) String layer, Model model) {
        Release release = active.current();
        ParameterTable table = release.parameters().table(name).orElseThrow(() -> new ConsoleErrors.NotFound("没有参数表 " + name));
        List<ParameterEntry> entries = table.entries().stream()
                .filter(e -> layer == null || layer.isBlank() || e.jurisdiction().equals(layer))
                .sorted(Comparator.comparing(ParameterEntry::jurisdiction).thenComparing(ParameterEntry::file)
                        .thenComparingInt(ParameterEntry::line))
                .toList();
        model.addAttribute("release", release);
        model.addAttribute("table", table);
        model.addAttribute("layer", layer);
        model.addAttribute("layerName", layer == null || layer.isBlank() ? null : regions.name(layer).orElse(layer));
        model.addAttribute("entries", entries);
        model.addAttribute("files", entries.stream().map(ParameterEntry::file).distinct().toList());
        model.addAttribute("openDrafts", drafts.list(50).stream().filter(d -> d.open()).toList());
        return "console/table";
    }
}
