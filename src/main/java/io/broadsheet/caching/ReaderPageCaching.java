package io.broadsheet.caching;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every rendered reader page its Cache-Control and ETag after the controller has built the model and before
 * the view renders; a matching If-None-Match clears the view, so the 304 costs no rendering, and a page already
 * rendered under the same ETag is written from {@link RenderedPages} instead of being rendered again.
 * Admin pages and signed-in readers get {@code no-store}.
 */
class ReaderPageCaching implements HandlerInterceptor {

    private final ReaderCaching caching;
    private final RenderedPages rendered;

    ReaderPageCaching(ReaderCaching caching, RenderedPages rendered) {
        this.caching = caching;
        this.rendered = rendered;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!caching.appliesTo(request)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) throws IOException {
        if (view == null || view.wasCleared() || !caching.appliesTo(request) || response.getStatus() != 200) {
            return;
        }
        String name = view.getViewName();
        if (name == null || name.startsWith("redirect:") || name.startsWith("forward:")) {
            return;
        }
        var model = view.getModel();
        var lastModified = model.values().stream().filter(LastModified.class::isInstance)
                .map(value -> ((LastModified) value).lastModified()).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        String etag = caching.etagOfModel(name, model);
        if (caching.notModified(request, response, etag, lastModified)) {
            view.clear();
        } else if (etag != null) {
            if ("HEAD".equals(request.getMethod())) {
                return;
            }
            if (rendered.writeKept(etag, response)) {
                view.clear();
            } else {
                request.setAttribute(RenderedPages.KEEP_AS, etag);
            }
        }
    }
}
