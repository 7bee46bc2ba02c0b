package cn.propertycompliance.releases;

import cn.propertycompliance.evaluation.RequestParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;

/** HTTP calls of the release tests: one service instance, with an API key per call. */
final class ReleaseApi {

    record Reply(int status, String body) {
        JsonNode json() {
            return RequestParser.JSON.readTree(body);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    ReleaseApi(int port) {
        this.base = "http://localhost:" + port;
    }

    Reply send(String method, String path, byte[] body, String contentType, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String key) {
        return send("GET", path, null, null, key);
    }

    Reply postJson(String path, String json, String key) {
        return send("POST", path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), "application/json", key);
    }

    Reply submit(byte[] archive, String label, String key) {
        return send("POST", "/api/v1/releases" + (label == null ? "" : "?label=" + label), archive, "application/octet-stream", key);
    }

    String currentId(String key) {
        return get("/api/v1/releases/current", key).json().path("releaseId").asString();
    }

    static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String path(String id) {
        return "/api/v1/releases/" + id;
    }
}
