package cn.propertycompliance.evaluation;

import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Limits;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.vocabulary.Area;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in, a valid {@link EvaluationRequest} out — or an {@link InvalidRequestException} naming every bad field.
 * The body is bound once, streaming, into the records ({@link RequestBinding}: types, enum values, real dates,
 * unknown and duplicate fields, Jackson's size limits); the records' constraint annotations then give ranges, scales,
 * lengths, character classes and list sizes (Bean Validation); last come the checks on the records that no annotation
 * expresses (known region, requested areas present, counts within their totals, filings in an order that can happen).
 */
public final class RequestParser {

    /** The service's general JSON mapper (responses, stored records). Requests are read by {@link RequestBinding}. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectReader READER = RequestBinding.mapper().readerFor(EvaluationRequest.class);
    /** Messages come from {@link #message}, so Bean Validation's are left as templates (no interpolation, no EL). */
    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new MessageInterpolator() {
                @Override
                public String interpolate(String template, Context context) {
                    return template;
                }

                @Override
                public String interpolate(String template, Context context, java.util.Locale locale) {
                    return template;
                }
            }).buildValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    private final RegionTable regions;

    public RequestParser(RegionTable regions) {
        this.regions = regions;
    }

    /**
     * The {@code requestId} of a body, reading only its top level (nested blocks are skipped unread); null when it
     * has none or is not a JSON object. Batch uses it to keep lines with the same requestId in order.
     */
    public String topLevelRequestId(byte[] body) {
        try (JsonParser p = READER.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                if (name.equals("requestId")) {
                    return value == JsonToken.VALUE_STRING ? p.getString() : null;
                }
                p.skipChildren();
            }
            return null;
        }
    }

    public EvaluationRequest parse(byte[] body) {
        if (isBlank(body)) {
            throw new InvalidRequestException("the request body is empty", List.of(new FieldError("", "a JSON object is required")));
        }
        Set<FieldError> errors = new LinkedHashSet<>();
        ObjectReader reader = READER.withAttribute(RequestBinding.ERRORS, errors);
        EvaluationRequest request;
        try (JsonParser tokens = reader.createParser(body)) {
            try {
                request = reader.readValue(tokens);
            } catch (JacksonException e) {
                throw unreadable(e, tokens, errors);
            }
        }
        return check(request, errors);
    }

    /** Scenario cases (YAML) come as trees; they go through the same binding and checks. */
    public EvaluationRequest parse(JsonNode node) {
        Set<FieldError> errors = new LinkedHashSet<>();
        EvaluationRequest request;
        try (JsonParser tokens = JSON.treeAsTokens(node)) {
            try {
                request = READER.withAttribute(RequestBinding.ERRORS, errors).readValue(tokens);
            } catch (JacksonException e) {
                throw unreadable(e, tokens, errors);
            }
        }
        return check(request, errors);
    }

    private EvaluationRequest check(EvaluationRequest request, Set<FieldError> errors) {
        if (request == null) {
            if (errors.isEmpty()) {
                errors.add(new FieldError("", "a JSON object is required"));
            }
            throw invalid(errors);
        }
        Set<String> unbound = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        // Bean Validation reports in no fixed order; by field, the same request always gets the same answer.
        List<FieldError> violations = new ArrayList<>();
        for (ConstraintViolation<EvaluationRequest> v : VALIDATOR.validate(request)) {
            String field = path(v.getPropertyPath());
            if (!unbound.contains(field)) {
                violations.add(new FieldError(field, message(v.getConstraintDescriptor().getAnnotation(), v.getInvalidValue())));
            }
        }
        violations.sort(java.util.Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        errors.addAll(violations);
        semanticChecks(request, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return request;
    }

    /** A 400 lists at most this many bad fields, so its size is bounded whatever the body. */
    static final int MAX_LISTED_ERRORS = 100;

    private static InvalidRequestException invalid(Set<FieldError> errors) {
        List<FieldError> listed = errors.stream().limit(MAX_LISTED_ERRORS).collect(Collectors.toCollection(ArrayList::new));
        if (errors.size() > MAX_LISTED_ERRORS) {
            listed.add(new FieldError("", "more invalid fields than the " + MAX_LISTED_ERRORS + " listed"));
        }
        String fields = listed.stream().map(FieldError::field).filter(f -> !f.isEmpty()).distinct().limit(10)
                .collect(Collectors.joining(", "));
        return new InvalidRequestException((errors.size() > MAX_LISTED_ERRORS ? "more than " + MAX_LISTED_ERRORS : String.valueOf(errors.size()))
                + " invalid field" + (errors.size() == 1 ? "" : "s") + ": " + fields
                + (listed.stream().map(FieldError::field).distinct().count() > 10 ? ", …" : ""), listed);
    }

    /**
     * A fault that stops reading: malformed JSON, a duplicate key, a number, string or nesting beyond Jackson's
     * limits. Named by where the parser stood, with the problems collected before it.
     */
    private static InvalidRequestException unreadable(JacksonException e, JsonParser tokens, Set<FieldError> collected) {
        String field = tokens != null ? RequestBinding.path(tokens.streamReadContext()) : pathOf(e);
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String original = String.valueOf(e.getOriginalMessage());
        String message;
        if (e instanceof StreamConstraintsException) {
            message = original.startsWith("Number") ? "is a number longer than " + RequestBinding.MAX_NUMBER_CHARS + " characters"
                    : original.startsWith("String") ? "is longer than " + RequestBinding.MAX_STRING_CHARS + " characters"
                    : original.contains("nesting") || original.contains("Depth") ? "is nested deeper than " + RequestBinding.MAX_NESTING + " levels"
                    : "exceeds a size limit of the service";
        } else if (original.startsWith("Duplicate")) {
            message = "appears twice in the same object";
        } else if (e instanceof StreamReadException) {
            message = "malformed JSON" + where;
        } else {
            message = "could not be read" + where;
        }
        Set<FieldError> errors = new LinkedHashSet<>(collected);
        errors.add(new FieldError(field, message));
        String detail = message.startsWith("malformed") ? "the request body is not valid JSON" + where : null;
        InvalidRequestException invalid = invalid(errors);
        return detail == null ? invalid : new InvalidRequestException(detail, invalid.errors());
    }

    private static String pathOf(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** Bean Validation's path ({@code fee.chargedItems[0].name}, {@code fee.publicizedItems[2].<list element>}). */
    static String path(Path propertyPath) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                out.append(out.isEmpty() ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    private static String message(Annotation constraint, Object value) {
        if (constraint instanceof NotNull) {
            return "is required";
        }
        if (constraint instanceof Size s) {
            if (!(value instanceof CharSequence text)) {
                return "must list at most " + s.max() + " items";
            }
            return s.min() > 0 && text.isEmpty() ? "must not be empty" : "must be at most " + s.max() + " characters";
        }
        if (constraint instanceof Min m) {
            return "must be ≥ " + m.value();
        }
        if (constraint instanceof Max m) {
            return "must be ≤ " + m.value();
        }
        if (constraint instanceof DecimalMin m) {
            return "must be ≥ " + m.value();
        }
        if (constraint instanceof DecimalMax m) {
            return "must be ≤ " + m.value();
        }
        if (constraint instanceof Digits d) {
            return "must have at most " + d.integer() + " integer digits and " + d.fraction() + " decimal places";
        }
        if (constraint instanceof Pattern p) {
            return p.regexp().equals(Limits.REGION_CODE) ? "must be a six-digit GB/T 2260 division code"
                    : "must not contain control or format characters";
        }
        return "is not allowed";
    }

    private void semanticChecks(EvaluationRequest request, Set<FieldError> errors) {
        String region = request.region();
        if (region != null && region.length() == 6 && region.chars().allMatch(Character::isDigit) && !regions.contains(region)) {
            errors.add(new FieldError("region", "unknown GB/T 2260 division code " + region));
        }
        if (request.areas() != null) {
            Set<Area> seen = new HashSet<>();
            for (Area a : request.areas()) {
                if (a != null && !seen.add(a)) {
                    errors.add(new FieldError("areas", "must not list an item twice"));
                }
                if (a != null && !request.hasBlock(a)) {
                    errors.add(new FieldError(AreaModule.of(a).blockName(), "is required because areas contains " + a));
                }
            }
        }
        Committee committee = request.committee();
        if (committee != null) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < committee.members().size(); i++) {
                Committee.Member m = committee.members().get(i);
                String path = "committee.members[" + i + "]";
                if (m == null) {
                    continue;
                }
                atMost(m.meetingsAbsentLast12Months(), m.meetingsHeldLast12Months(), path + ".meetingsAbsentLast12Months",
                        path + ".meetingsHeldLast12Months", errors);
                if (m.id() != null && !ids.add(m.id())) {
                    errors.add(new FieldError(path + ".id", "member id " + m.id() + " appears twice"));
                }
            }
        }
        if (request.filings() != null) {
            FilingOrderCheck.check(request.filings(), errors);
        }
        Repair.Vote vote = request.repair() == null ? null : request.repair().vote();
        Community community = request.community();
        if (vote != null) {
            Integer totalOwners = community == null ? null : community.totalOwners();
            BigDecimal totalArea = community == null ? null : community.totalExclusiveArea();
            atMost(vote.participatingOwners(), totalOwners, "repair.vote.participatingOwners", "community.totalOwners", errors);
            atMost(vote.participatingArea(), totalArea, "repair.vote.participatingArea", "community.totalExclusiveArea", errors);
            atMost(vote.agreeingOwners(), vote.participatingOwners(), "repair.vote.agreeingOwners", "repair.vote.participatingOwners", errors);
            atMost(vote.agreeingArea(), vote.participatingArea(), "repair.vote.agreeingArea", "repair.vote.participatingArea", errors);
            // The 列支范围 is part of the community; when it is sent, the agreeing owners are counted within it.
            atMost(vote.costSharingOwners(), totalOwners, "repair.vote.costSharingOwners", "community.totalOwners", errors);
            atMost(vote.costSharingArea(), totalArea, "repair.vote.costSharingArea", "community.totalExclusiveArea", errors);
            atMost(vote.agreeingOwners(), vote.costSharingOwners(), "repair.vote.agreeingOwners", "repair.vote.costSharingOwners", errors);
            atMost(vote.agreeingArea(), vote.costSharingArea(), "repair.vote.agreeingArea", "repair.vote.costSharingArea", errors);
        }
    }

    /** A count may not exceed its total (e.g. absences ≤ meetings held). */
    private static void atMost(Integer part, Integer total, String partPath, String totalPath, Set<FieldError> errors) {
        if (part != null && total != null && part > total) {
            errors.add(new FieldError(partPath, "must be ≤ " + totalPath + " (" + total + ")"));
        }
    }

    private static void atMost(BigDecimal part, BigDecimal total, String partPath, String totalPath, Set<FieldError> errors) {
        if (part != null && total != null && part.compareTo(total) > 0) {
            errors.add(new FieldError(partPath, "must be ≤ " + totalPath + " (" + total.stripTrailingZeros().toPlainString() + ")"));
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
