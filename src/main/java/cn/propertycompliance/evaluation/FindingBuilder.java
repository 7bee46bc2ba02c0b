package cn.propertycompliance.evaluation;

import cn.propertycompliance.facts.Filings;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.ruleset.RuleMeta;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One finding being recorded by a rule consequence: subject, details, actions and the parameter values it relied
 * on (whose citations are shown with the rule's own). Messages are rendered from the rule's {@code @message}
 * template with {@code {detail}} placeholders.
 */
public final class FindingBuilder {

    private final RuleMeta rule;
    private String subject;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String[]> actions = new ArrayList<>();
    private final List<Integer> actionDays = new ArrayList<>();
    private final List<Citation> parameterCitations = new ArrayList<>();

    FindingBuilder(RuleMeta rule, String defaultSubject) {
        this.rule = rule;
        this.subject = defaultSubject;
    }

    public FindingBuilder subject(String subject) {
        this.subject = subject;
        return this;
    }

    public FindingBuilder member(String memberId) {
        return subject("member:" + memberId);
    }

    public FindingBuilder filing(Filings.FilingType filing) {
        return subject("filing:" + filing.name());
    }

    /** {@code repair:ID}; a repair sent without an id stays on the community (its id is optional in api.md). */
    public FindingBuilder repair(String repairId) {
        return repairId == null ? this : subject("repair:" + repairId);
    }

    public FindingBuilder vote() {
        return subject("vote");
    }

    public FindingBuilder detail(String key, Object value) {
        if (value != null) {
            details.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    /** Shows the parameter's value source: its citations join the finding's, its status and layer go to details. */
    public FindingBuilder parameter(ParameterValue value) {
        value.getCitations().stream().filter(c -> !parameterCitations.contains(c)).forEach(parameterCitations::add);
        if (value.isFound()) {
            details.putIfAbsent("parameterStatus", value.getStatus().name());
            details.putIfAbsent("parameterJurisdiction", value.getJurisdiction());
        }
        return this;
    }

    /**
     * The citations of several parameter values a finding relied on (e.g. each matched negative-list item and its
     * consequence). Unlike {@link #parameter}, no single status goes to details: the caller reports each value's.
     */
    public FindingBuilder sources(Collection<ParameterValue> values) {
        values.forEach(v -> v.getCitations().stream().filter(c -> !parameterCitations.contains(c)).forEach(parameterCitations::add));
        return this;
    }

    /** Actions read from a parameter table (who acts is the text's, not the rule's); equal actions are kept once. */
    public FindingBuilder actions(Collection<Action> more) {
        for (Action a : more) {
            boolean seen = false;
            for (int i = 0; i < actions.size() && !seen; i++) {
                String[] x = actions.get(i);
                seen = x[0].equals(a.code()) && x[1].equals(a.message()) && java.util.Objects.equals(x[2], a.by())
                        && java.util.Objects.equals(actionDays.get(i), a.within());
            }
            if (!seen) {
                action(a.code(), a.message(), a.by(), a.within());
            }
        }
        return this;
    }

    public FindingBuilder action(String code, String message) {
        return action(code, message, null, null);
    }

    public FindingBuilder action(String code, String message, String by) {
        return action(code, message, by, null);
    }

    public FindingBuilder action(String code, String message, String by, Integer within) {
        actions.add(new String[] {code, message, by});
        actionDays.add(within);
        return this;
    }

    Finding build() {
        List<Action> rendered = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            String[] a = actions.get(i);
            rendered.add(new Action(a[0], render(a[1]), a[2], actionDays.get(i)));
        }
        List<Citation> citations = rule.citations();
        if (!parameterCitations.isEmpty()) {
            List<Citation> all = new ArrayList<>(citations);
            parameterCitations.stream().filter(c -> !all.contains(c)).forEach(all::add);
            citations = List.copyOf(all);
        }
        // The builder is used once: its details map is handed over (read-only) rather than copied.
        return new Finding(rule.id(), rule.area(), rule.code().name(), rule.code().severity(), subject,
                render(rule.message()), java.util.Collections.unmodifiableMap(details), List.copyOf(rendered), citations);
    }

    /** Replaces {@code {name}} with the detail's text; unknown names stay as written (the case runner flags them). */
    private String render(String template) {
        if (template == null || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open + 1);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String name = template.substring(open + 1, close);
            Object value = details.get(name);
            out.append(template, i, open).append(value == null ? template.substring(open, close + 1) : text(value));
            i = close + 1;
        }
        return out.toString();
    }

    static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(FindingBuilder::text).collect(Collectors.joining("、"));
        }
        return String.valueOf(value);
    }
}
