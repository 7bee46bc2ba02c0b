package cn.propertycompliance.support;

import cn.propertycompliance.evaluation.RequestParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** A tiny HTTP client for tests against the running service on a random port. */
public final class Http {

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return RequestParser.JSON.readTree(body);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String apiKey;

    public Http(int port) {
        this(port, null);
    }

    /** Every request sends {@code X-API-Key: apiKey}. */
    public Http(int port, String apiKey) {
        this.base = "http://localhost:" + port;
        this.apiKey = apiKey;
    }

    public Response post(String path, String body) {
        return post(path, body, "application/json");
    }

    public Response post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private Response send(HttpRequest request) {
        if (apiKey != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-API-Key", apiKey).build();
        }
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
