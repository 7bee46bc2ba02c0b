package cn.propertycompliance.committee;

import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Action;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The table {@code committee.consequence}: what must happen when a member falls under a list item, keyed by a
 * consequence name that list entries refer to (e.g. {@code BJ-47-2} for 北京 第四十七条第二款). Each entry holds
 * {@code actions: [{code, by, message}]} copied in substance from its clause, so who acts is the text's word.
 */
public final class Consequences {

    public static final String TABLE = "committee.consequence";

    private Consequences() {
    }

    /** The consequence entries in force on asOf for the given names, in order, each once; unknown names are skipped. */
    public static List<ParameterValue> lookup(ParameterView params, Collection<String> names) {
        List<ParameterValue> out = new ArrayList<>();
        names.stream().distinct().forEach(name -> {
            ParameterValue v = params.value(TABLE, name);
            if (v.isAvailable()) {
                out.add(v);
            }
        });
        return out;
    }

    /** The consequence named by a list entry's {@code consequence} field, if it names one. */
    public static List<ParameterValue> of(ParameterView params, ParameterValue entry) {
        String name = entry.isAvailable() ? consequenceOf(entry) : null;
        return name == null ? List.of() : lookup(params, List.of(name));
    }

    /** The consequence a list or absence entry names, or null (read by the entry's table type). */
    static String consequenceOf(ParameterValue entry) {
        return switch (entry.getTable()) {
            case AbsenceCheck.TABLE -> entry.as(AbsenceRule.class).consequence();
            default -> entry.as(ListEntry.class).consequence();
        };
    }

    /** The actions of the given consequence entries, in order. */
    public static List<Action> actions(Collection<ParameterValue> consequences) {
        return actions(consequences, "");
    }

    /**
     * The same actions for a finding that cannot yet say whether the item applies (a PENDING list): each message
     * says the action follows only once the situation is confirmed.
     */
    public static List<Action> ifConfirmed(Collection<ParameterValue> consequences) {
        return actions(consequences, "如经认定属于负面清单情形：");
    }

    private static List<Action> actions(Collection<ParameterValue> consequences, String prefix) {
        List<Action> out = new ArrayList<>();
        for (ParameterValue c : consequences) {
            c.as(ConsequenceRule.class).actions().forEach(a -> out.add(a.toAction(prefix)));
        }
        return out;
    }
}
