package io.broadsheet.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Keeps a controller's database failure away from Spring MVC's own exception resolvers, so that it reaches the
 * filters that answer it: the kept page of the address ({@code caching.RenderedPages}) or the 503 "back soon" page
 * ({@link DatabaseOutageFilter}).
 *
 * <p>Without it, a failure with an {@code EOFException} among its causes (PostgreSQL's driver reports a connection
 * cut mid-query so, and the pool hands that on when it cannot open a new one) is taken by Spring MVC's
 * {@code DefaultHandlerExceptionResolver} for a reader who hung up, and the request ends as 200 with no body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageResolver implements HandlerExceptionResolver {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (!DatabaseOutage.explains(failure)) {
            return null;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        throw new DatabaseUnreachableException(failure);
    }

    /** A checked database failure on its way out of Spring MVC, unchanged underneath. */
    static final class DatabaseUnreachableException extends RuntimeException {

        DatabaseUnreachableException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
