package cn.propertycompliance.api;

import cn.propertycompliance.Role;
import jakarta.servlet.http.HttpServletRequest;
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

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** Reviewers read every decision; a platform reads only the decisions it asked for. */
    boolean mayRead(String decisionClient) {
        return this == OPEN || roles.contains(Role.REVIEWER) || name.equals(decisionClient);
    }
}
