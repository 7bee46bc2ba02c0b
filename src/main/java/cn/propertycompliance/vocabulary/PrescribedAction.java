package cn.propertycompliance.vocabulary;

import cn.propertycompliance.parameters.OptionalField;

/**
 * An action as a parameter table prescribes it (a committee consequence, a local procedure step): its api.md code —
 * checked when the release loads —, what to do, who acts and within how many days.
 */
public record PrescribedAction(ActionCode code, String message, @OptionalField String by, @OptionalField Integer within) {

    /** As shown in a finding, the message prefixed (e.g. "如经认定属于负面清单情形："). */
    public Action toAction(String prefix) {
        return new Action(code.name(), prefix + message, by, within);
    }
}
