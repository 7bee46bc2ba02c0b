package cn.propertycompliance.evaluation;

import cn.propertycompliance.region.RegionTable;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in, a valid {@link EvaluationRequest} out — or an {@link InvalidRequestException} naming every bad field:
 * types, enum values, real dates and ranges by the JSON Schema of the contract, then the checks a schema cannot
 * express (known region, requested areas present, counts within their totals, filings in an order that can happen).
 */
public final class RequestParser {

    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Malformed codes are the schema's to report; only well-formed unknown ones are "unknown region". */
    private static final java.util.regex.Pattern SIX_DIGITS = java.util.regex.Pattern.compile("[0-9]{6}");

    private final Schema schema;
    private final RegionTable regions;

    public RequestParser(RegionTable regions) {
        this.regions = regions;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                        .locale(Locale.ENGLISH).build()));
        try (InputStream in = RequestParser.class.getResourceAsStream("/schema/evaluation-request.schema.json")) {
            this.schema = registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses raw bytes; malformed JSON is a 400 with the position of the fault. */
    public JsonNode readTree(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRequestException("the request body is empty", List.of(new FieldError("", "a JSON object is required")));
            }
            return node;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidRequestException("the request body is not valid JSON" + where,
                    List.of(new FieldError("", "malformed JSON" + where)));
        }
    }

    public EvaluationRequest parse(byte[] body) {
        return parse(readTree(body));
    }

    public EvaluationRequest parse(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidRequestException("the request body must be a JSON object", List.of(new FieldError("", "must be an object")));
        }
        Set<FieldError> errors = new LinkedHashSet<>();
        for (Error e : schema.validate(node)) {
            errors.add(toFieldError(e));
        }
        semanticChecks(node, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ": "
                    + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")), new ArrayList<>(errors));
        }
        try {
            return JSON.treeToValue(node, EvaluationRequest.class);
        } catch (JacksonException e) {
            // The schema admits only what the records accept; reaching this is a contract/schema mismatch.
            throw new IllegalStateException("request passed the schema but does not bind: " + e.getOriginalMessage(), e);
        }
    }

    private void semanticChecks(JsonNode node, Set<FieldError> errors) {
        String region = text(node.get("region"));
        if (region != null && SIX_DIGITS.matcher(region).matches() && !regions.contains(region)) {
            errors.add(new FieldError("region", "unknown GB/T 2260 division code " + region));
        }
        JsonNode areas = node.get("areas");
        if (areas != null && areas.isArray()) {
            for (JsonNode a : areas) {
                String block = AreaModule.ALL.stream().filter(m -> m.area().name().equals(a.asString("")))
                        .map(AreaModule::blockName).findFirst().orElse(null);
                if (block != null && (node.get(block) == null || node.get(block).isNull())) {
                    errors.add(new FieldError(block, "is required because areas contains " + a.asString()));
                }
            }
        }
        JsonNode members = node.path("committee").path("members");
        if (members.isArray()) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < members.size(); i++) {
                JsonNode m = members.get(i);
                String path = "committee.members[" + i + "]";
                atMost(m, "meetingsAbsentLast12Months", m, "meetingsHeldLast12Months", path, path, errors);
                String id = text(m.get("id"));
                if (id != null && !ids.add(id)) {
                    errors.add(new FieldError(path + ".id", "member id " + id + " appears twice"));
                }
            }
        }
        FilingOrderCheck.check(node, errors);
        JsonNode vote = node.path("repair").path("vote");
        JsonNode community = node.path("community");
        if (vote.isObject()) {
            atMost(vote, "participatingOwners", community, "totalOwners", "repair.vote", "community", errors);
            atMost(vote, "participatingArea", community, "totalExclusiveArea", "repair.vote", "community", errors);
            atMost(vote, "agreeingOwners", vote, "participatingOwners", "repair.vote", "repair.vote", errors);
            atMost(vote, "agreeingArea", vote, "participatingArea", "repair.vote", "repair.vote", errors);
        }
    }

    /** A count may not exceed its total (e.g. absences ≤ meetings held). */
    private static void atMost(JsonNode partObj, String part, JsonNode totalObj, String total, String partPath, String totalPath,
                               Set<FieldError> errors) {
        JsonNode p = partObj.get(part);
        JsonNode t = totalObj.get(total);
        if (p != null && t != null && p.isNumber() && t.isNumber() && p.decimalValue().compareTo(t.decimalValue()) > 0) {
            errors.add(new FieldError(partPath + "." + part, "must be ≤ " + totalPath + "." + total + " ("
                    + plain(t.decimalValue()) + ")"));
        }
    }

    private static FieldError toFieldError(Error e) {
        String location = path(e.getInstanceLocation());
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        JsonNode schemaNode = e.getSchemaNode();
        return switch (keyword) {
            case "required" -> new FieldError(join(location, e.getProperty()), "is required");
            case "additionalProperties" -> new FieldError(join(location, e.getProperty()), "is not a field of this object (api.md v1)");
            case "type" -> new FieldError(location, "must be " + describeType(schemaNode));
            case "enum" -> new FieldError(location, "must be one of " + values(schemaNode));
            case "format" -> new FieldError(location, "must be a real date in the form yyyy-MM-dd");
            case "minimum" -> new FieldError(location, "must be ≥ " + plain(schemaNode.decimalValue()));
            case "maximum" -> new FieldError(location, "must be ≤ " + plain(schemaNode.decimalValue()));
            case "pattern" -> new FieldError(location, location.equals("region")
                    ? "must be a six-digit GB/T 2260 division code" : "has the wrong form");
            case "minLength" -> new FieldError(location, "must not be empty");
            case "maxLength" -> new FieldError(location, "must be at most " + schemaNode.asInt() + " characters");
            case "uniqueItems" -> new FieldError(location, "must not list an item twice");
            default -> new FieldError(location, e.getMessage());
        };
    }

    private static String describeType(JsonNode typeNode) {
        List<String> types = new ArrayList<>();
        if (typeNode != null && typeNode.isArray()) {
            typeNode.forEach(t -> types.add(t.asString()));
        } else if (typeNode != null) {
            types.add(typeNode.asString());
        }
        types.remove("null");
        return types.stream().map(t -> switch (t) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "array" -> "an array";
            case "object" -> "an object";
            default -> t;
        }).collect(Collectors.joining(" or "));
    }

    private static String values(JsonNode enumNode) {
        List<String> out = new ArrayList<>();
        if (enumNode != null) {
            enumNode.forEach(v -> out.add(v.asString()));
        }
        return String.join(", ", out);
    }

    /** {@code $.fee.chargedItems[0].name} → {@code fee.chargedItems[0].name}. */
    static String path(NodePath nodePath) {
        StringBuilder out = new StringBuilder();
        if (nodePath == null) {
            return "";
        }
        for (int i = 0; i < nodePath.getNameCount(); i++) {
            Object element = nodePath.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.toString();
    }

    private static String join(String location, String property) {
        return location.isEmpty() ? String.valueOf(property) : location + "." + property;
    }

    private static String text(JsonNode n) {
        return n != null && n.isString() ? n.asString() : null;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
