package cn.propertycompliance.evaluation;

import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.vocabulary.Action;
import cn.propertycompliance.vocabulary.ActionCode;
import cn.propertycompliance.vocabulary.Finding;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One finding being recorded by a rule consequence ({@code findings.add(drools).about($a).action(…)}): subject,
 * details, actions and the parameter values it relied on (whose citations are shown with the rule's own). Messages
 * are rendered from the rule's {@code @message} template with {@code {detail}} placeholders; so are an action's
 * message and {@code by}. The methods a rule may call are the consequence grammar of rules/README.md.
 */
public final class FindingBuilder implements Report {

    private final RuleMeta rule;
    private String subject;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<Action> actions = new ArrayList<>();
    /** Actions as the rule wrote them: rendered at build time, when every detail is known. */
    private final List<Object[]> ruleActions = new ArrayList<>();
    private final List<Citation> parameterCitations = new ArrayList<>();

    FindingBuilder(RuleMeta rule, String defaultSubject) {
        this.rule = rule;
        this.subject = defaultSubject;
    }

    /** The assessment this finding is about: its subject, details, sources and prescribed actions. */
    public FindingBuilder about(Reportable assessment) {
        if (assessment.subject() != null) {
            subject = assessment.subject();
        }
        assessment.report(this);
        return this;
    }

    /** A table entry bound in the rule's conditions: its citations, status and layer. */
    public FindingBuilder about(ParameterValue value) {
        return source(value);
    }

    @Override
    public FindingBuilder detail(String key, Object value) {
        if (value != null) {
            details.putIfAbsent(key, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    @Override
    public FindingBuilder source(ParameterValue value) {
        if (value == null) {
            return this;
        }
        value.getCitations().stream().filter(c -> !parameterCitations.contains(c)).forEach(parameterCitations::add);
        if (value.isFound()) {
            details.putIfAbsent("parameterStatus", value.getStatus().name());
            details.putIfAbsent("parameterJurisdiction", value.getJurisdiction());
        }
        return this;
    }

    @Override
    public FindingBuilder sources(Collection<ParameterValue> values) {
        values.forEach(v -> v.getCitations().stream().filter(c -> !parameterCitations.contains(c)).forEach(parameterCitations::add));
        return this;
    }

    /** FACTS_INCOMPLETE: request fields the rule's own test needs and did not get, appended to {@code details.missing}. */
    public FindingBuilder missing(String... fields) {
        List<Object> list = new ArrayList<>();
        if (details.get("missing") instanceof Collection<?> c) {
            list.addAll(c);
        }
        list.addAll(List.of(fields));
        details.put("missing", List.copyOf(list));
        return this;
    }

    /** Actions read from a parameter table (who acts is the text's, not the rule's); equal actions are kept once. */
    @Override
    public FindingBuilder actions(Collection<Action> more) {
        for (Action a : more) {
            if (!actions.contains(a)) {
                actions.add(a);
            }
        }
        return this;
    }

    public FindingBuilder action(ActionCode code, String message) {
        return action(code, message, null, null);
    }

    public FindingBuilder action(ActionCode code, String message, String by) {
        return action(code, message, by, null);
    }

    /** @param within days: an integer, or {@code "{detailKey}"} naming an integer detail */
    public FindingBuilder action(ActionCode code, String message, String by, Object within) {
        ruleActions.add(new Object[] {code, message, by, within});
        return this;
    }

    Finding build() {
        List<Action> rendered = new ArrayList<>(actions);
        for (Object[] a : ruleActions) {
            Action action = new Action(((ActionCode) a[0]).name(), render((String) a[1]),
                    a[2] == null ? null : render((String) a[2]), days(a[3]));
            if (!rendered.contains(action)) {
                rendered.add(action);
            }
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

    private Integer days(Object within) {
        if (within == null || within instanceof Integer) {
            return (Integer) within;
        }
        if (within instanceof Number n) {
            return n.intValue();
        }
        String t = within.toString();
        Object v = t.startsWith("{") && t.endsWith("}") ? details.get(t.substring(1, t.length() - 1)) : t;
        return v == null ? null : v instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(v.toString());
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
