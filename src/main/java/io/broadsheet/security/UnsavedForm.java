package io.broadsheet.security;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A form that was posted after its sender's session had expired. It is kept in the new session while they sign
 * in again, so that what they typed comes back to them instead of being lost.
 */
public record UnsavedForm(String path, Map<String, List<String>> fields) implements Serializable {

    static final String SESSION_KEY = UnsavedForm.class.getName();

    static UnsavedForm of(HttpServletRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!"_csrf".equals(name)) {
                fields.put(name, List.of(values));
            }
        });
        return new UnsavedForm(request.getRequestURI(), fields);
    }

    public String first(String field) {
        List<String> values = fields.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Takes the kept form out of the session, if there is one. */
    public static UnsavedForm takeFrom(HttpSession session) {
        if (session == null) {
            return null;
        }
        Object form = session.getAttribute(SESSION_KEY);
        session.removeAttribute(SESSION_KEY);
        return form instanceof UnsavedForm unsaved ? unsaved : null;
    }
}
