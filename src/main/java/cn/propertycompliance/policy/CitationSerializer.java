package cn.propertycompliance.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonGeneratorBase;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes each distinct citation's JSON once and reuses it. Clause texts are long Chinese strings fixed by the release,
 * repeated in most findings; escaping them again for every response was a visible share of batch CPU. The output is
 * the same object the record would give: {@code document}, {@code title}, {@code clause}, {@code text}, nulls kept.
 */
final class CitationSerializer extends StdSerializer<Citation> {

    /** A release has a few hundred clauses; the cap only guards against an unbounded stream of ad-hoc citations. */
    private static final int MAX_CACHED = 20_000;
    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final Map<Citation, String> JSON = new ConcurrentHashMap<>();

    CitationSerializer() {
        super(Citation.class);
    }

    @Override
    public void serialize(Citation citation, JsonGenerator gen, SerializationContext ctxt) {
        // Raw text only where it becomes text as is: a token buffer (valueToTree, convertValue) or a pretty printer
        // needs the fields as tokens.
        if (!(gen instanceof JsonGeneratorBase) || gen.getPrettyPrinter() != null) {
            gen.writeStartObject(citation);
            gen.writeStringProperty("document", citation.document());
            gen.writeStringProperty("title", citation.title());
            gen.writeStringProperty("clause", citation.clause());
            gen.writeStringProperty("text", citation.text());
            gen.writeEndObject();
            return;
        }
        String json = JSON.get(citation);
        if (json == null) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("document", citation.document());
            fields.put("title", citation.title());
            fields.put("clause", citation.clause());
            fields.put("text", citation.text());
            json = PLAIN.writeValueAsString(fields);
            if (JSON.size() < MAX_CACHED) {
                JSON.put(citation, json);
            }
        }
        gen.writeRawValue(json);
    }
}
