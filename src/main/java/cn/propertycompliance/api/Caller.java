package cn.propertycompliance.api;

import cn.propertycompliance.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Set;

/**
 * Who is calling, as the API-key filter established it. Without configured clients there is no key and no caller
 * name: the open local mode, where every decision is visible.
 */
record Caller(String name, Set<Role> roles) {

    private static final String ATTRIBUTE = Caller.class.getName();
    static final Caller OPEN = new Caller("", Set.of(Role.values()));

    static Caller of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller c ? c : OPEN;
    }

    /** The request as this caller's: the attribute for our controllers, principal and roles for actuator. */
    HttpServletRequest attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
        Principal principal = () -> name.isEmpty() ? "local" : name;
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public String getRemoteUser() {
                return principal.getName();
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.stream().anyMatch(r -> r.name().equals(role));
            }
        };
    }

    /** Reviewers read every decision; a platform reads only the decisions it asked for. */
    boolean mayRead(String decisionClient) {
        return this == OPEN || roles.contains(Role.REVIEWER) || name.equals(decisionClient);
    }
}
