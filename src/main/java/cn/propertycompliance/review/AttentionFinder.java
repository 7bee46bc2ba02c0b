package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.policy.CitationRef;
import cn.propertycompliance.policy.PolicyDocument;
import cn.propertycompliance.policy.SourceStatus;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleMeta;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Collects section 2 of the report from a release, its clause traces and its case runs. */
final class AttentionFinder {

    private final Release release;
    private final RegionTable regions;

    AttentionFinder(Release release, RegionTable regions) {
        this.release = release;
        this.regions = regions;
    }

    Attention find(List<DocumentTrace> documents, List<CaseRun> runs) {
        List<ParameterEntry> entries = release.parameters().tables().stream().flatMap(t -> t.entries().stream())
                .sorted(Comparator.comparing(ParameterEntry::table).thenComparing(ParameterEntry::file)
                        .thenComparingInt(ParameterEntry::line))
                .toList();
        return new Attention(
                documents.stream().flatMap(d -> d.clauses().stream()).filter(c -> !c.encoded()).toList(),
                withStatus(entries, ParameterStatus.PENDING),
                withStatus(entries, ParameterStatus.INTERPRETATION),
                withStatus(entries, ParameterStatus.SECONDARY),
                documents.stream().map(DocumentTrace::document).filter(d -> d.sourceStatus() != SourceStatus.OFFICIAL).toList(),
                metadataGaps(documents),
                citationChecks(entries),
                runs.stream().filter(r -> !r.passed()).toList());
    }

    private static List<ParameterEntry> withStatus(List<ParameterEntry> entries, ParameterStatus status) {
        return entries.stream().filter(e -> e.status() == status).toList();
    }

    private static List<Attention.MetadataGap> metadataGaps(List<DocumentTrace> documents) {
        List<Attention.MetadataGap> gaps = new ArrayList<>();
        for (DocumentTrace trace : documents) {
            if (!trace.cited()) {
                continue;
            }
            PolicyDocument d = trace.document();
            List<String> missing = new ArrayList<>();
            if (d.docNumber() == null || d.docNumber().isBlank()) {
                missing.add("文号");
            }
            if (d.promulgated() == null) {
                missing.add("公布日期");
            }
            if (d.validity() == null || d.validity().isBlank()) {
                missing.add("效力状态");
            }
            if (!missing.isEmpty()) {
                gaps.add(new Attention.MetadataGap(d, List.copyOf(missing)));
            }
        }
        return List.copyOf(gaps);
    }

    /** One line per subject, file, citation and problem: a table of eight prices citing one answer is one line. */
    private List<Attention.CitationCheck> citationChecks(List<ParameterEntry> entries) {
        Map<List<String>, List<Integer>> lines = new LinkedHashMap<>();
        release.rules().stream().sorted(Comparator.comparing(RuleMeta::id)).forEach(r -> r.cite().forEach(ref ->
                check(r.jurisdiction(), r.effective(), ref).forEach(problem ->
                        lines.computeIfAbsent(List.of("规则 " + r.id(), r.file(), ref.toString(), problem), k -> new ArrayList<>())
                                .add(r.line()))));
        entries.forEach(e -> e.cite().forEach(ref ->
                check(e.jurisdiction(), e.effectiveFrom(), ref).forEach(problem ->
                        lines.computeIfAbsent(List.of("参数 " + e.table(), e.file(), ref.toString(), problem), k -> new ArrayList<>())
                                .add(e.line()))));
        List<Attention.CitationCheck> checks = new ArrayList<>();
        lines.forEach((k, at) -> checks.add(new Attention.CitationCheck(k.get(0),
                k.get(1) + ":" + at.stream().map(String::valueOf).collect(Collectors.joining(",")), k.get(2), k.get(3))));
        return List.copyOf(checks);
    }

    private Set<String> check(String layer, LocalDate from, CitationRef ref) {
        Set<String> problems = new TreeSet<>();
        Optional<PolicyDocument> found = release.policies().document(ref.documentId());
        if (found.isEmpty()) {
            return problems;
        }
        PolicyDocument doc = found.get();
        if (from != null && doc.effective() != null && from.isBefore(doc.effective())) {
            problems.add("自 " + from + " 起适用，早于所引文件施行日期 " + doc.effective());
        }
        if ("已废止".equals(doc.validity())) {
            problems.add("所引文件已废止");
        }
        if (!regions.isWithin(layer, doc.jurisdiction())) {
            problems.add("所引文件属于 " + Labels.layer(regions, doc.jurisdiction()) + "，不在本层级 "
                    + Labels.layer(regions, layer) + " 及其上级之列");
        }
        return problems;
    }
}
