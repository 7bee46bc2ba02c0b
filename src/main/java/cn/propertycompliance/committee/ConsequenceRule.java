package cn.propertycompliance.committee;

import cn.propertycompliance.vocabulary.PrescribedAction;
import java.util.List;

/** The value type of {@code committee.consequence}: what the clause prescribes, each action with its api.md code. */
public record ConsequenceRule(List<PrescribedAction> actions) {
}
