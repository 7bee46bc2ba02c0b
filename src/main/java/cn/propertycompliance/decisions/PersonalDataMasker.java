package cn.propertycompliance.decisions;

import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.facts.Committee;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces committee members' names, ID-card and phone numbers with a keyed hash (HMAC-SHA-256) before anything is
 * stored. The same person gets the same hash under the same key, so an auditor can match a member across
 * decisions, but the value cannot be read back or guessed without the key. Works on the bound request: the records
 * name the personal fields, so no JSON path can be missed.
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

    /** A masked copy of the request; the original (which the rules see) is not changed. */
    public EvaluationRequest mask(EvaluationRequest request) {
        Committee committee = request.committee();
        if (committee == null || committee.members().isEmpty()) {
            return request;
        }
        List<Committee.Member> masked = committee.members().stream()
                .map(m -> m.withPersonalData(hashOrNull("name", m.name()), hashOrNull("idCardNumber", m.idCardNumber()),
                        hashOrNull("phone", m.phone())))
                .toList();
        return request.withCommittee(new Committee(committee.electedOn(), masked));
    }

    private String hashOrNull(String field, String value) {
        return value == null ? null : hash(field, value);
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
