package cn.propertycompliance.api;

import cn.propertycompliance.ComplianceProperties;
import cn.propertycompliance.Role;
import cn.propertycompliance.evaluation.RequestParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API keys: {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. The caller becomes the request's
 * principal with its roles, which is how actuator decides who sees health details. No or an unknown key on a protected
 * endpoint is a 401 problem, a known key without the endpoint's role a 403 problem. Keys are compared by their
 * SHA-256 in constant time. A servlet filter rather than Spring Security: the whole need is a key lookup, and the
 * security filter chain would cost start-up time (budget 8 s) and per-request work on every evaluation.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private record KnownKey(byte[] sha256, Caller caller) {
    }

    private final List<KnownKey> keys;
    private final boolean open;

    /** @param clients the configured clients; none = the open local mode, where every caller holds every role */
    ApiKeyFilter(List<ComplianceProperties.Client> clients) {
        this.open = clients.isEmpty();
        this.keys = clients.stream().map(c -> new KnownKey(HexFormat.of().parseHex(c.keySha256().strip().toLowerCase(Locale.ROOT)),
                new Caller(c.name(), Set.copyOf(c.roles())))).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // One path for this filter and the dispatcher: a path they could read differently is refused.
        String path = RequestPaths.judged(request).orElse(null);
        if (path == null) {
            reject(response, Problems.of(HttpStatus.BAD_REQUEST, Problems.BAD_PATH, "Bad path",
                    "the path must not contain dot segments, encoded separators, path parameters or empty segments"));
            return;
        }
        if (open) {
            chain.doFilter(Caller.OPEN.attachTo(request), response);
            return;
        }
        Set<Role> required = AccessPolicy.required(request.getMethod(), path);
        String key = presentedKey(request);
        KnownKey known = key == null ? null : knownKey(key);
        if (required.isEmpty()) {
            // Open endpoint; a known key still counts (an OPERATOR sees health details).
            chain.doFilter(known == null ? request : known.caller().attachTo(request), response);
            return;
        }
        if (known == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
            reject(response, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
                    key == null ? "an API key is required: send Authorization: Bearer <key> or X-API-Key: <key>"
                            : "the API key is not known"));
            return;
        }
        Caller caller = known.caller();
        if (caller.roles().stream().noneMatch(required::contains)) {
            reject(response, Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
                    "this endpoint needs one of the roles " + required + "; the key of " + caller.name() + " has " + caller.roles()));
            return;
        }
        chain.doFilter(caller.attachTo(request), response);
    }

    private static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String apiKey = request.getHeader("X-API-Key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    private KnownKey knownKey(String key) {
        byte[] digest = sha256(key);
        KnownKey found = null;
        for (KnownKey k : keys) { // every key is compared, so the time taken says nothing about which one matched
            if (MessageDigest.isEqual(digest, k.sha256())) {
                found = k;
            }
        }
        return found;
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void reject(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(RequestParser.JSON.writeValueAsBytes(Problems.asMap(problem)));
    }
}
