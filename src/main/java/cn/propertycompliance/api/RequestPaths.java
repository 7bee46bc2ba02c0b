package cn.propertycompliance.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The one judgement of a request's path, shared by the key filter and the dispatcher. The container normalises
 * {@code /actuator/health/../../api/v1/rules} to {@code /api/v1/rules} while Spring MVC matches the raw path, so the
 * two would judge different endpoints. Rather than normalise one of them, paths on which they could differ are
 * refused (400) before either looks at them: dot segments (plain or encoded), encoded separators or percent signs,
 * path parameters ({@code ;x=1}), backslashes and empty segments. What is left is the same for both.
 */
final class RequestPaths {

    private RequestPaths() {
    }

    /** The path to authorise and dispatch by, or empty when the path is refused. */
    static Optional<String> judged(HttpServletRequest request) {
        String raw = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && raw.startsWith(context)) {
            raw = raw.substring(context.length());
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (raw.isEmpty() || raw.charAt(0) != '/' || raw.contains(";") || raw.contains("\\") || raw.contains("//")
                || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25")
                || lower.contains("%3b")) {
            return Optional.empty();
        }
        for (String segment : raw.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Belt and braces: what is left must be exactly what the container dispatches by.
        String servletPath = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return decoded.equals(servletPath) ? Optional.of(decoded) : Optional.empty();
    }
}
