package cn.propertycompliance.api;

import cn.propertycompliance.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which roles may call which endpoint, judged on {@link RequestPaths#judged the one path} the dispatcher also uses.
 * Ping, health status and the API docs are open, and so is the console, which has its own sign-in; everything else
 * needs a known key, and the endpoints below need one of the listed roles.
 */
final class AccessPolicy {

    /** No key needed. */
    static final Set<Role> OPEN = EnumSet.noneOf(Role.class);
    /** Any known key. */
    static final Set<Role> ANY = EnumSet.allOf(Role.class);

    private AccessPolicy() {
    }

    static Set<Role> required(String method, String path) {
        // Health is open for UP/DOWN; its details are shown to OPERATOR keys only (management.endpoint.health.roles).
        if (path.equals("/api/v1/ping") || path.equals("/error") || under(path, "/actuator/health")
                || path.equals("/actuator/info")
                || under(path, "/v3/api-docs") || under(path, "/swagger-ui") || path.equals("/swagger-ui.html")) {
            return OPEN;
        }
        // The console signs people in itself (form login, roles, CSRF: console.ConsoleSecurity); its scripts are webjars.
        if (under(path, "/console") || under(path, "/webjars")) {
            return OPEN;
        }
        if (path.equals("/actuator/prometheus") || under(path, "/actuator/metrics")) {
            return EnumSet.of(Role.OPERATOR);
        }
        if (path.equals("/api/v1/decisions/verification")) {
            return EnumSet.of(Role.REVIEWER);
        }
        if (under(path, "/api/v1/evaluations")) {
            return EnumSet.of(Role.PLATFORM);
        }
        if (under(path, "/api/v1/releases")) {
            return releases(method, path);
        }
        if (under(path, "/api/v1/decisions")) {
            return EnumSet.of(Role.PLATFORM, Role.REVIEWER);
        }
        if (under(path, "/api/v1/rules") || under(path, "/review") || path.equals("/review.md")) {
            return EnumSet.of(Role.OFFICER, Role.REVIEWER, Role.PLATFORM);
        }
        return ANY;
    }

    /** Officers submit and activate, reviewers sign off, both measure impact; anyone with a key reads. */
    private static Set<Role> releases(String method, String path) {
        if ("GET".equals(method)) {
            return ANY;
        }
        if (path.endsWith("/approvals")) {
            return EnumSet.of(Role.REVIEWER);
        }
        if (path.endsWith("/impact")) {
            return EnumSet.of(Role.OFFICER, Role.REVIEWER);
        }
        return EnumSet.of(Role.OFFICER);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
