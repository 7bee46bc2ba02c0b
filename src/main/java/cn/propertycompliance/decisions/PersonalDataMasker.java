package cn.propertycompliance.decisions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces committee members' names, ID-card and phone numbers with a keyed hash (HMAC-SHA-256) before anything is
 * stored. The same person gets the same hash under the same key, so an auditor can match a member across
 * decisions, but the value cannot be read back or guessed without the key.
 */
public final class PersonalDataMasker {

    static final List<String> MEMBER_PERSONAL_FIELDS = List.of("name", "idCardNumber", "phone");
    private static final String PREFIX = "hmac-sha256:";

    private final SecretKeySpec key;

    public PersonalDataMasker(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("compliance.privacy.hmac-key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A masked deep copy of the request body; the original is not changed. */
    public JsonNode mask(JsonNode request) {
        JsonNode copy = request.deepCopy();
        JsonNode members = copy.path("committee").path("members");
        if (members.isArray()) {
            for (JsonNode member : members) {
                if (member instanceof ObjectNode m) {
                    for (String field : MEMBER_PERSONAL_FIELDS) {
                        JsonNode value = m.get(field);
                        if (value != null && value.isString()) {
                            m.put(field, hash(field, value.asString()));
                        }
                    }
                }
            }
        }
        return copy;
    }

    /** Field name is part of the hashed input so a name never matches an equal-looking ID number. */
    public String hash(String field, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((field + ":" + value.strip()).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
