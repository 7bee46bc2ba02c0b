package cn.propertycompliance.ruleset;

import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.policy.CitationRef;
import cn.propertycompliance.policy.PolicyLibrary;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.FindingCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Parses every DRL file (without compiling it) to read and check the rules' metadata, so that a missing or
 * dangling {@code @cite} is reported with file and line before Drools ever sees the file.
 */
final class RuleLoader {

    record ParsedDrl(SourceFile file, PackageDescr pkg, Jurisdiction jurisdiction) {
    }

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PARAM_TABLE = Pattern.compile("params\\s*\\.\\s*value(?:On)?\\s*\\([^\"]*\"([^\"]+)\"");

    private final PolicyLibrary policies;
    private final RegionTable regions;
    private final RuleGuard guard;
    /** A file the allow-list refused is never handed to the Drools compiler: compiling can run code (declarations). */
    private boolean refusedByGuard;

    RuleLoader(PolicyLibrary policies, RegionTable regions, RuleGuard guard) {
        this.policies = policies;
        this.regions = regions;
        this.guard = guard;
    }

    List<ParsedDrl> parse(List<SourceFile> files, Map<String, Jurisdiction> jurisdictions, Problems problems) {
        List<ParsedDrl> parsed = new ArrayList<>();
        for (SourceFile file : files) {
            Optional<Jurisdiction> layer = JurisdictionLoader.owning(jurisdictions, file.folder());
            if (layer.isEmpty()) {
                problems.error(file, 1, "no jurisdiction.yaml in this folder or above it");
                continue;
            }
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            try {
                PackageDescr pkg = parser.parse(null, file.text());
                if (parser.hasErrors() || pkg == null) {
                    parser.getErrors().forEach(e -> problems.error(file, Math.max(1, e.getLines().length > 0 ? e.getLines()[0] : 1),
                            e.getMessage()));
                    continue;
                }
                if (guard.checkSource()) {
                    int before = problems.errors().size();
                    RuleAllowList.check(file, pkg, problems);
                    refusedByGuard |= problems.errors().size() > before;
                }
                UnusedDeclarations.check(file, pkg, problems);
                parsed.add(new ParsedDrl(file, pkg, layer.get()));
            } catch (DroolsParserException e) {
                problems.error(file, 1, e.getMessage());
            }
        }
        return parsed;
    }

    boolean refusedByGuard() {
        return refusedByGuard;
    }

    Map<String, RuleMeta> metadata(List<ParsedDrl> drls, Map<String, cn.propertycompliance.parameters.ParameterTable> tables,
                                   Problems problems) {
        Map<String, RuleMeta> rules = new LinkedHashMap<>();
        for (ParsedDrl drl : drls) {
            for (RuleDescr rule : drl.pkg().getRules()) {
                meta(drl, rule, tables, problems).ifPresent(meta -> {
                    RuleMeta previous = rules.putIfAbsent(meta.id(), meta);
                    if (previous != null) {
                        problems.error(drl.file(), rule.getLine(), "rule id " + meta.id() + " is already used at " + previous.where());
                    }
                });
            }
            // Comments may mention params.value(…) in prose; only code names tables.
            Matcher m = PARAM_TABLE.matcher(drl.file().text().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " "));
            while (m.find()) {
                if (!tables.containsKey(m.group(1))) {
                    problems.error(drl.file(), drl.file().lineOf("\"" + m.group(1) + "\""),
                            "params table '" + m.group(1) + "' does not exist under any parameters/ folder");
                }
            }
        }
        // Checked over every rule declared, valid or not, so a dangling @overrides is reported alongside other problems.
        java.util.Set<String> declared = new java.util.HashSet<>();
        drls.forEach(d -> d.pkg().getRules().forEach(r -> declared.add(r.getName())));
        for (ParsedDrl drl : drls) {
            for (RuleDescr rule : drl.pkg().getRules()) {
                single(rule, "overrides").filter(target -> !declared.contains(target)).ifPresent(target ->
                        problems.error(drl.file(), rule.getLine(), "@overrides(\"" + target + "\") names no rule"));
            }
        }
        for (RuleMeta meta : rules.values()) {
            if (meta.overrides() == null) {
                continue;
            }
            RuleMeta target = rules.get(meta.overrides());
            if (target == null) {
                continue;
            } else if (target.jurisdiction().equals(meta.jurisdiction()) || !regions.isWithin(meta.jurisdiction(), target.jurisdiction())) {
                problems.error(meta.file(), meta.line(), "@overrides: " + meta.id() + " (" + meta.jurisdiction()
                        + ") can only replace a rule of a broader layer containing it, not " + target.id() + " (" + target.jurisdiction() + ")");
            }
        }
        return rules;
    }

    private Optional<RuleMeta> meta(ParsedDrl drl, RuleDescr rule,
                                Map<String, cn.propertycompliance.parameters.ParameterTable> tables, Problems problems) {
        SourceFile file = drl.file();
        int line = rule.getLine();
        int errorsBefore = problems.errors().size();
        String id = rule.getName();
        single(rule, "id").ifPresent(declared -> {
            if (!declared.equals(id)) {
                problems.error(file, line, "@id(\"" + declared + "\") differs from the rule name \"" + id + "\"");
            }
        });
        FindingCode code = single(rule, "code").flatMap(FindingCode::parse).orElse(null);
        if (code == null) {
            problems.error(file, line, "rule " + id + ": @code must name a finding code of api.md, got "
                    + single(rule, "code").orElse("nothing"));
        }
        Area area = single(rule, "area").map(a -> {
            try {
                return Area.valueOf(a);
            } catch (IllegalArgumentException e) {
                problems.error(file, line, "rule " + id + ": @area(\"" + a + "\") is not one of FEE, FILING, COMMITTEE, REPAIR");
                return null;
            }
        }).orElse(code == null ? null : code.area());
        if (code != null && area != null && code.area() != null && code.area() != area) {
            problems.error(file, line, "rule " + id + ": @area " + area + " but " + code + " belongs to " + code.area());
        }
        if (code != null && area == null) {
            problems.error(file, line, "rule " + id + ": " + code + " can be found in any area, so the rule names it with @area");
        }
        List<String> citeValues = values(rule, "cite");
        List<CitationRef> refs = new ArrayList<>();
        List<Citation> citations = new ArrayList<>();
        // @citeFrom("table"): a rule whose legal test is wholly the entry it reports (a local list or threshold read
        // by one rule for every jurisdiction) cites that entry's clause; the entry's citations join the finding.
        Optional<String> citeFrom = single(rule, "citeFrom");
        citeFrom.filter(t -> !tables.containsKey(t)).ifPresent(t -> problems.error(file, line,
                "rule " + id + ": @citeFrom(\"" + t + "\") names no parameter table"));
        if (citeValues.isEmpty() && citeFrom.isEmpty()) {
            problems.error(file, line, "rule " + id + " has no @cite: every rule cites the clause it encodes"
                    + " (or @citeFrom the table whose entries cite it)");
        }
        for (String value : citeValues) {
            Optional<CitationRef> ref = CitationRef.parse(value);
            Optional<Citation> citation = ref.flatMap(policies::resolve);
            if (citation.isEmpty()) {
                problems.error(file, line, "rule " + id + ": @cite(\"" + value + "\") names no clause in policies/ "
                        + describeMiss(ref));
            } else {
                refs.add(ref.get());
                citations.add(citation.get());
            }
        }
        LocalDate effective = date(rule, "effective", file, problems);
        if (effective == null && single(rule, "effective").isEmpty()) {
            problems.error(file, line, "rule " + id + " has no @effective(\"yyyy-MM-dd\")");
        }
        LocalDate expires = date(rule, "expires", file, problems);
        if (effective != null && expires != null && !expires.isAfter(effective)) {
            problems.error(file, line, "rule " + id + ": @expires is not after @effective");
        }
        String message = single(rule, "message").orElse(null);
        if (message == null || message.isBlank()) {
            problems.error(file, line, "rule " + id + " has no @message(\"…\") template");
        }
        if (problems.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new RuleMeta(id, drl.pkg().getName(), drl.jurisdiction().code(), area, code, List.copyOf(refs),
                List.copyOf(citations), effective, expires, single(rule, "overrides").orElse(null), message,
                file.path(), line));
    }

    private String describeMiss(Optional<CitationRef> ref) {
        if (ref.isEmpty()) {
            return "(write it as \"<document id>#<clause id>\")";
        }
        return policies.document(ref.get().documentId()).isPresent()
                ? "(document " + ref.get().documentId() + " has no clause " + ref.get().clauseId() + ")"
                : "(no document " + ref.get().documentId() + ")";
    }

    private static LocalDate date(RuleDescr rule, String name, SourceFile file, Problems problems) {
        Optional<String> text = single(rule, name);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text.get());
        } catch (DateTimeParseException e) {
            problems.error(file, rule.getLine(), "rule " + rule.getName() + ": @" + name + "(\"" + text.get() + "\") is not a date yyyy-MM-dd");
            return null;
        }
    }

    static Optional<String> single(RuleDescr rule, String name) {
        List<String> values = values(rule, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The quoted values of an annotation: {@code @cite("a#b", "c#d")} gives both references. */
    static List<String> values(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        if (annotation == null || annotation.getValue() == null) {
            return List.of();
        }
        String raw = annotation.getValue().toString();
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(raw);
        while (m.find()) {
            out.add(m.group(1).replace("\\\"", "\"").strip());
        }
        if (out.isEmpty() && !raw.isBlank()) {
            out.add(raw.strip());
        }
        return out;
    }
}
