package cn.propertycompliance.releases;

import cn.propertycompliance.ComplianceProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs approved manifests with the service's Ed25519 key and verifies them with the configured public keys. When
 * any key is configured, verification is unconditional: no signature, a stripped key id, an unknown key, a key not
 * trusted for that approver, a manifest that was edited or files that no longer match it — each is a refusal.
 */
public final class ReleaseSigner {

    /** A signature over a manifest, and the key that made it. */
    public record Signed(String keyId, String signature) {
    }

    private record Trusted(PublicKey key, List<String> approvers) {
    }

    private final String keyId;
    private final PrivateKey privateKey;
    private final Map<String, Trusted> publicKeys = new HashMap<>();
    private final boolean configured;

    public ReleaseSigner(ComplianceProperties.Signing config) {
        this.configured = config.configured();
        try {
            KeyFactory ed = KeyFactory.getInstance("Ed25519");
            boolean hasPrivate = config.privateKey() != null && !config.privateKey().isBlank();
            this.privateKey = hasPrivate ? ed.generatePrivate(new PKCS8EncodedKeySpec(decode(config.privateKey()))) : null;
            this.keyId = hasPrivate ? requireKeyId(config.keyId()) : null;
            for (ComplianceProperties.TrustedKey k : config.publicKeysOrEmpty()) {
                publicKeys.put(requireKeyId(k.keyId()), new Trusted(ed.generatePublic(new X509EncodedKeySpec(decode(k.publicKey()))),
                        k.approvers() == null ? List.of() : List.copyOf(k.approvers())));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("compliance.releases.signing: a key is not a base64 Ed25519 key ("
                    + e.getMessage() + ")", e);
        }
        if (privateKey != null && !publicKeys.containsKey(keyId)) {
            throw new IllegalStateException("compliance.releases.signing.public-keys must hold the public key of key-id "
                    + keyId + ", or no replica could verify what this one signs");
        }
    }

    /** True when approvals are signed and activations verified; false only in development mode. */
    public boolean configured() {
        return configured;
    }

    public boolean canSign() {
        return privateKey != null;
    }

    public Signed sign(String manifest) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(manifest.getBytes(StandardCharsets.UTF_8));
            return new Signed(keyId, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the manifest", e);
        }
    }

    /**
     * Why the release may not go into service (empty when it may): its stored files must hash to its id, and when
     * signing is configured its signature must verify and its manifest match the id, approver, review report and
     * every file. Used by the activation request and again by every replica before it loads the release.
     */
    public List<String> refusals(StoredRelease release, List<cn.propertycompliance.ruleset.SourceFile> files) {
        List<String> reasons = new ArrayList<>();
        if (!cn.propertycompliance.ruleset.ReleaseBuilder.releaseId(files).equals(release.id())) {
            reasons.add("the stored files no longer hash to the release id");
        }
        if (!configured) {
            return reasons;
        }
        reasons.addAll(verify(release));
        if (!blank(release.manifest())) {
            try {
                ReleaseManifest m = ReleaseManifest.parse(release.manifest());
                if (!release.id().equals(m.contentId())) {
                    reasons.add("the manifest names release " + m.contentId());
                }
                if (!java.util.Objects.equals(release.approvedBy(), m.approver())) {
                    reasons.add("the manifest names approver " + m.approver() + ", the release " + release.approvedBy());
                }
                if (!java.util.Objects.equals(release.reviewReportSha256(), m.reviewReportSha256())) {
                    reasons.add("the manifest names another review report");
                }
                reasons.addAll(m.mismatches(files));
            } catch (RuntimeException e) {
                reasons.add("the manifest cannot be read: " + e.getMessage());
            }
        }
        return reasons;
    }

    /** Why the release's signature does not verify (empty when it does). Runs whenever signing is configured. */
    public List<String> verify(StoredRelease release) {
        List<String> reasons = new ArrayList<>();
        if (blank(release.manifest())) {
            reasons.add("no signed manifest: the release was never signed, or its manifest was removed");
            return reasons;
        }
        if (blank(release.signature())) {
            reasons.add("the manifest carries no signature");
            return reasons;
        }
        if (blank(release.signatureKeyId())) {
            reasons.add("the signature names no key");
            return reasons;
        }
        Trusted trusted = publicKeys.get(release.signatureKeyId());
        if (trusted == null) {
            reasons.add("the signature was made with key '" + release.signatureKeyId() + "', which is not configured");
            return reasons;
        }
        if (!trusted.approvers().isEmpty() && !trusted.approvers().contains(release.approvedBy())) {
            reasons.add("key '" + release.signatureKeyId() + "' is not trusted for approver " + release.approvedBy());
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(trusted.key());
            s.update(release.manifest().getBytes(StandardCharsets.UTF_8));
            if (!s.verify(Base64.getDecoder().decode(release.signature()))) {
                reasons.add("the signature does not match the manifest");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            reasons.add("the signature is malformed: " + e.getMessage());
        }
        return reasons;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.strip());
    }

    private static String requireKeyId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("every key needs a key-id");
        }
        return id.strip();
    }
}
