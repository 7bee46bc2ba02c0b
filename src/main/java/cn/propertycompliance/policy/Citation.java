package cn.propertycompliance.policy;

import tools.jackson.databind.annotation.JsonSerialize;

/** A clause as shown in a finding: document (文号, or title when it has none), title, clause id and its text. */
@JsonSerialize(using = CitationSerializer.class)
public record Citation(String document, String title, String clause, String text) {
}
