package cn.propertycompliance.decisions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the decision chain's HMAC-SHA-256: several for verification (every key that ever signed and is still
 * trusted), one of them for signing new records. Rows and checkpoints store the id of the key that signed them, so a
 * key is rotated by adding a new one, switching {@code signing-key-id} to it, and keeping the old one for checking.
 */
public final class ChainKeys {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    public static final int MIN_SECRET_CHARS = 32;

    private final String signingKeyId;
    private final Map<String, SecretKeySpec> keys = new TreeMap<>();

    /**
     * @param signingKeyId the key new records are signed with (null: this instance only verifies)
     * @param secrets key id → secret (at least 32 characters; its UTF-8 bytes are the HMAC key)
     */
    public ChainKeys(String signingKeyId, Map<String, String> secrets) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("compliance.decisions.chain.keys: at least one key is needed");
        }
        secrets.forEach((id, secret) -> {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("chain key id '" + id + "': lower-case letters, digits, '.', '_', '-' (≤ 40)");
            }
            if (secret == null || secret.length() < MIN_SECRET_CHARS) {
                throw new IllegalArgumentException("chain key '" + id + "' must be at least " + MIN_SECRET_CHARS + " characters");
            }
            keys.put(id, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        });
        if (signingKeyId != null && !keys.containsKey(signingKeyId)) {
            throw new IllegalArgumentException("compliance.decisions.chain.signing-key-id '" + signingKeyId
                    + "' is not among the configured keys " + keys.keySet());
        }
        this.signingKeyId = signingKeyId;
    }

    public String signingKeyId() {
        if (signingKeyId == null) {
            throw new IllegalStateException("no signing key configured");
        }
        return signingKeyId;
    }

    public boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** Hex HMAC-SHA-256 of the text under the named key. */
    public String mac(String keyId, String text) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("unknown chain key " + keyId);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the key is known and the MAC matches (compared in constant time). */
    public boolean verify(String keyId, String text, String macHex) {
        if (!knows(keyId) || macHex == null) {
            return false;
        }
        return MessageDigest.isEqual(mac(keyId, text).getBytes(StandardCharsets.US_ASCII),
                macHex.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
