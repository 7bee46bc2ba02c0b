package cn.propertycompliance.ruleset;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterSet;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.parameters.ParameterTable;
import cn.propertycompliance.parameters.Stricter;
import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.policy.CitationRef;
import cn.propertycompliance.policy.PolicyLibrary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads {@code rules/**}{@code /parameters/*.yaml}: dated, cited values per jurisdiction layer. */
final class ParameterLoader {

    record ParameterFile(String parameter, String title, String unit, String description, List<String> keys,
                         Map<String, Stricter> stricter, Boolean addsToBroaderLayers, List<EntryFile> entries) {
    }

    record EntryFile(Map<String, Object> key, JsonNode value, LocalDate effectiveFrom, LocalDate effectiveTo,
                     ParameterStatus status, List<String> cite, String note, Boolean overrides) {
    }

    private final PolicyLibrary policies;

    ParameterLoader(PolicyLibrary policies) {
        this.policies = policies;
    }

    ParameterSet load(List<SourceFile> files, Map<String, Jurisdiction> jurisdictions, Problems problems) {
        Map<String, ParameterTable> tables = new LinkedHashMap<>();
        for (SourceFile file : files) {
            Optional<ParameterFile> parsed = YamlFiles.read(file, ParameterFile.class, problems);
            Optional<Jurisdiction> layer = JurisdictionLoader.owning(jurisdictions, file.folder());
            if (layer.isEmpty()) {
                problems.error(file, 1, "no jurisdiction.yaml in this folder or above it");
            }
            if (parsed.isEmpty() || layer.isEmpty()) {
                continue;
            }
            ParameterFile p = parsed.get();
            if (p.parameter() == null || p.parameter().isBlank() || p.keys() == null) {
                problems.error(file, 1, "a parameter table needs 'parameter' (its name) and 'keys' (may be [])");
                continue;
            }
            List<ParameterEntry> entries = new ArrayList<>();
            List<EntryFile> entryFiles = p.entries() == null ? List.of() : p.entries();
            for (int i = 0; i < entryFiles.size(); i++) {
                entry(file, p, entryFiles.get(i), i, layer.get().code(), problems).ifPresent(entries::add);
            }
            Map<String, Stricter> stricter = p.stricter() == null ? Map.of() : p.stricter();
            checkStricter(file, p, entries, stricter, problems);
            Set<String> adding = Boolean.TRUE.equals(p.addsToBroaderLayers()) ? Set.of(layer.get().code()) : Set.of();
            ParameterTable existing = tables.get(p.parameter());
            if (existing == null) {
                tables.put(p.parameter(), new ParameterTable(p.parameter(), p.title(), p.unit(), List.copyOf(p.keys()), entries,
                        Map.copyOf(stricter), adding));
            } else if (!existing.keys().equals(p.keys())) {
                problems.error(file, file.lineOf("keys:"), "parameter " + p.parameter() + " has keys " + existing.keys()
                        + " elsewhere but " + p.keys() + " here");
            } else {
                List<ParameterEntry> merged = new ArrayList<>(existing.entries());
                merged.addAll(entries);
                Map<String, Stricter> directions = new LinkedHashMap<>(existing.stricter());
                stricter.forEach((field, direction) -> {
                    Stricter before = directions.putIfAbsent(field, direction);
                    if (before != null && before != direction) {
                        problems.error(file, file.lineOf("stricter:"), "parameter " + p.parameter() + ": stricter " + field
                                + " is " + before + " elsewhere but " + direction + " here");
                    }
                });
                Set<String> addingLayers = new java.util.TreeSet<>(existing.addingLayers());
                addingLayers.addAll(adding);
                tables.put(p.parameter(), new ParameterTable(existing.name(), existing.title(), existing.unit(), existing.keys(),
                        merged, Map.copyOf(directions), Set.copyOf(addingLayers)));
            }
        }
        tables.values().forEach(t -> checkOverlaps(t, problems));
        return new ParameterSet(tables);
    }

    private Optional<ParameterEntry> entry(SourceFile file, ParameterFile table, EntryFile e, int index,
                                           String jurisdiction, Problems problems) {
        int line = entryLine(file, index);
        int errorsBefore = problems.errors().size();
        Map<String, String> key = new LinkedHashMap<>();
        if (e.key() != null) {
            e.key().forEach((k, v) -> {
                if (!table.keys().contains(k)) {
                    problems.error(file, line, "key field '" + k + "' is not one of " + table.keys());
                }
                key.put(k, String.valueOf(v));
            });
        }
        if (e.effectiveFrom() == null) {
            problems.error(file, line, "effectiveFrom is required");
        } else if (e.effectiveTo() != null && e.effectiveTo().isBefore(e.effectiveFrom())) {
            problems.error(file, line, "effectiveTo is before effectiveFrom");
        }
        if (e.status() == null) {
            problems.error(file, line, "status is required (OFFICIAL, SECONDARY, INTERPRETATION or PENDING)");
        }
        Map<String, Object> value = values(e.value());
        if (e.status() == ParameterStatus.PENDING && !value.isEmpty()) {
            problems.error(file, line, "a PENDING entry has no value: the authority has not published one");
        }
        if (e.status() != null && e.status() != ParameterStatus.PENDING && value.isEmpty()) {
            problems.error(file, line, "a " + e.status() + " entry needs a value");
        }
        if (e.status() == ParameterStatus.INTERPRETATION && (e.note() == null || e.note().isBlank())) {
            problems.error(file, line, "an INTERPRETATION states the reading it makes in 'note'");
        }
        List<CitationRef> refs = new ArrayList<>();
        List<Citation> citations = new ArrayList<>();
        if (e.cite() == null || e.cite().isEmpty()) {
            problems.error(file, line, "every value cites the clause it comes from (cite:)");
        } else {
            for (String ref : e.cite()) {
                Optional<CitationRef> parsed = CitationRef.parse(ref);
                Optional<Citation> resolved = parsed.flatMap(policies::resolve);
                if (resolved.isEmpty()) {
                    problems.error(file, line, "cite '" + ref + "' names no clause in policies/");
                } else {
                    refs.add(parsed.get());
                    citations.add(resolved.get());
                }
            }
        }
        if (problems.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ParameterEntry(table.parameter(), jurisdiction, Map.copyOf(key), value,
                e.effectiveFrom(), e.effectiveTo(), e.status(), List.copyOf(refs), List.copyOf(citations), e.note(),
                Boolean.TRUE.equals(e.overrides()), file.path(), line));
    }

    /** A scalar value is stored under the field name "value"; a mapping keeps its fields. Numbers stay exact. */
    private static Map<String, Object> values(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isObject()) {
            node.properties().stream().filter(f -> !f.getValue().isNull())
                    .forEach(f -> out.put(f.getKey(), scalar(f.getValue())));
        } else {
            out.put("value", scalar(node));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** A number, flag, text, list, or — inside a list — a mapping (e.g. the actions of a committee consequence). */
    private static Object scalar(JsonNode n) {
        if (n.isObject()) {
            return values(n);
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(x -> list.add(scalar(x)));
            return List.copyOf(list);
        }
        return n.asString();
    }

    /** A direction only makes sense for a number: every value of a field named in 'stricter' must be one. */
    private static void checkStricter(SourceFile file, ParameterFile table, List<ParameterEntry> entries,
                                      Map<String, Stricter> stricter, Problems problems) {
        stricter.forEach((field, direction) -> {
            if (direction == null) {
                problems.error(file, file.lineOf("stricter:"), "stricter " + field + " must be HIGHER or LOWER");
            }
            entries.stream().filter(e -> e.value().containsKey(field) && !(e.value().get(field) instanceof java.math.BigDecimal))
                    .forEach(e -> problems.error(file, e.line(), "parameter " + table.parameter() + ": stricter names '" + field
                            + "' but this value of it is not a number"));
        });
    }

    private static void checkOverlaps(ParameterTable table, Problems problems) {
        List<ParameterEntry> entries = table.entries();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                ParameterEntry a = entries.get(i);
                ParameterEntry b = entries.get(j);
                if (a.jurisdiction().equals(b.jurisdiction()) && a.key().equals(b.key()) && a.overlaps(b)) {
                    problems.error(b.file(), b.line(), "parameter " + table.name() + " " + b.key()
                            + " is already set for the same layer and overlapping dates at " + a.where());
                }
            }
        }
    }

    /** Line of the n-th entry: the n-th list item directly under 'entries:'. */
    private static int entryLine(SourceFile file, int index) {
        String[] lines = file.text().split("\n", -1);
        boolean inEntries = false;
        int seen = -1;
        String itemIndent = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (!inEntries) {
                inEntries = l.startsWith("entries:");
                continue;
            }
            String trimmed = l.stripLeading();
            if (trimmed.startsWith("- ") || trimmed.equals("-")) {
                String indent = l.substring(0, l.length() - trimmed.length());
                if (itemIndent == null) {
                    itemIndent = indent;
                }
                if (indent.equals(itemIndent) && ++seen == index) {
                    return i + 1;
                }
            }
        }
        return 1;
    }
}
