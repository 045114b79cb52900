package io.broadsheet.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request that failed because the database could not be reached with 503, {@code Retry-After} and the
 * "back soon" page ({@code error/503.html}), wherever it failed: in a controller, in the session store or in
 * Spring Security. Outside every other filter for that reason. A newsroom form that was being posted comes back
 * on that page with what was typed, ready to be sent again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    private static final long WARNING_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** What the 503 page shows: the posted form to send again, if the request was a newsroom form. */
    public record Outage(String formAction, List<TypedField> fields) {
    }

    /** One posted field, as typed. */
    public record TypedField(String name, String value, boolean multiline) {
    }

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_EVERY_NANOS);
    private final AtomicInteger quietFailures = new AtomicInteger();
    private final String sessionCookie;

    DatabaseOutageFilter(@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    /**
     * The answer to a request that was set aside (a search waiting its turn) is made in an async dispatch, where
     * its failure surfaces.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** The error page of an outage is rendered through this filter too, see below. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The sessions are in the database: the error page must not look the session up again (each attempt
            // waits for the pool, then fails the page). Without its cookie the page is rendered as for a reader,
            // and the cookie itself is left alone, so the editor is still signed in when the database is back.
            chain.doFilter(DatabaseOutage.isBehind(request) ? withoutCookie(request, sessionCookie) : request,
                    response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseOutage.explains(failure) || response.isCommitted()) {
                throw failure;
            }
            warn(request, failure);
            request.setAttribute(DatabaseOutage.REQUEST_ATTRIBUTE, outage(request));
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    /** One warning per ten seconds at most, however many requests fail meanwhile. */
    private void warn(HttpServletRequest request, Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last < WARNING_EVERY_NANOS || !lastWarning.compareAndSet(last, now)) {
            quietFailures.incrementAndGet();
            return;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        log.warn("Database unreachable: {} {} answered 503 ({} more since the last warning): {}",
                request.getMethod(), request.getRequestURI(), quietFailures.getAndSet(0), root.toString());
    }

    private static HttpServletRequest withoutCookie(HttpServletRequest request, String name) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Cookie[] getCookies() {
                Cookie[] cookies = super.getCookies();
                return cookies == null ? null
                        : Arrays.stream(cookies).filter(cookie -> !cookie.getName().equals(name)).toArray(Cookie[]::new);
            }
        };
    }

    private static Outage outage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"POST".equals(request.getMethod()) || !path.startsWith("/admin/")) {
            return new Outage(null, List.of());
        }
        List<TypedField> fields = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            // The token goes back by itself with the form; a password is never written into a page.
            if (!"_csrf".equals(name) && !name.toLowerCase().contains("password")) {
                for (String value : values) {
                    fields.add(new TypedField(name, value, value.contains("\n") || value.length() > 120));
                }
            }
        });
        return new Outage(path, fields);
    }
}
