package cn.propertycompliance.committee;

import cn.propertycompliance.parameters.OptionalField;
import cn.propertycompliance.vocabulary.ActionCode;
import java.util.List;

/** The value type of {@code committee.consequence}: what the clause prescribes, each action with its api.md code. */
public record ConsequenceRule(List<Step> actions) {

    /** One prescribed action: the code (checked against api.md's list when the release loads), who acts, in how many days. */
    public record Step(ActionCode code, String message, @OptionalField String by, @OptionalField Integer within) {
    }
}
