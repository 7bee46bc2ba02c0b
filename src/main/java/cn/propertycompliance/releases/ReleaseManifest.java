package cn.propertycompliance.releases;

import cn.propertycompliance.ruleset.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reviewer's approval signs: the content id, the SHA-256 of every file, the hash of the review report the
 * reviewer read, who approved and when. A plain line format, so an auditor can read and re-hash it by hand.
 */
public record ReleaseManifest(String contentId, String reviewReportSha256, String approver, Instant approvedAt,
                              Map<String, String> fileSha256) {

    private static final String HEADER = "property-compliance release manifest v1";

    public static ReleaseManifest of(String contentId, String reviewReportSha256, String approver, Instant approvedAt,
                                     List<SourceFile> files) {
        Map<String, String> hashes = new TreeMap<>();
        files.forEach(f -> hashes.put(f.path(), sha256(f.bytes())));
        return new ReleaseManifest(contentId, reviewReportSha256, approver, approvedAt, hashes);
    }

    public String text() {
        StringBuilder out = new StringBuilder(HEADER).append('\n')
                .append("content-id: ").append(contentId).append('\n')
                .append("review-report-sha256: ").append(reviewReportSha256).append('\n')
                .append("approver: ").append(approver).append('\n')
                .append("approved-at: ").append(approvedAt).append('\n');
        new TreeMap<>(fileSha256).forEach((path, sha) -> out.append("file: ").append(sha).append(' ').append(path).append('\n'));
        return out.toString();
    }

    /** Reads {@link #text()} back; a text that is not a manifest gives an IllegalArgumentException. */
    public static ReleaseManifest parse(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 5 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a release manifest");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> files = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException("manifest line " + (i + 1) + " has no field");
            }
            String name = lines[i].substring(0, colon);
            String value = lines[i].substring(colon + 2);
            if (name.equals("file")) {
                int space = value.indexOf(' ');
                files.put(value.substring(space + 1), value.substring(0, space));
            } else {
                fields.put(name, value);
            }
        }
        return new ReleaseManifest(fields.get("content-id"), fields.get("review-report-sha256"), fields.get("approver"),
                Instant.parse(fields.get("approved-at")), files);
    }

    /** Every way the files differ from the manifest: changed, missing and extra paths (empty when they match). */
    public List<String> mismatches(List<SourceFile> files) {
        List<String> out = new ArrayList<>();
        Map<String, String> actual = new TreeMap<>();
        files.forEach(f -> actual.put(f.path(), sha256(f.bytes())));
        fileSha256.forEach((path, sha) -> {
            String now = actual.get(path);
            if (now == null) {
                out.add(path + ": in the manifest but no longer in the release");
            } else if (!now.equals(sha)) {
                out.add(path + ": content no longer matches the manifest");
            }
        });
        actual.keySet().stream().filter(p -> !fileSha256.containsKey(p)).forEach(p -> out.add(p + ": not in the manifest"));
        return out;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
