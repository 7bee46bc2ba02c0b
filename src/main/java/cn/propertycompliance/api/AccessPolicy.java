package cn.propertycompliance.api;

import cn.propertycompliance.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which roles may call which endpoint. Operations endpoints (ping, health, API docs) are open; everything else
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
        if (path.equals("/api/v1/ping") || path.equals("/error") || under(path, "/actuator/health")
                || path.equals("/actuator/info") || path.equals("/actuator/prometheus")
                || under(path, "/v3/api-docs") || under(path, "/swagger-ui") || path.equals("/swagger-ui.html")) {
            return OPEN;
        }
        if (under(path, "/api/v1/evaluations")) {
            return EnumSet.of(Role.PLATFORM);
        }
        if (under(path, "/api/v1/releases")) {
            return "GET".equals(method) ? ANY : EnumSet.of(Role.OFFICER);
        }
        if (under(path, "/api/v1/decisions")) {
            return EnumSet.of(Role.PLATFORM, Role.REVIEWER);
        }
        if (under(path, "/api/v1/rules") || under(path, "/review") || path.equals("/review.md")) {
            return EnumSet.of(Role.OFFICER, Role.REVIEWER, Role.PLATFORM);
        }
        return ANY;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
