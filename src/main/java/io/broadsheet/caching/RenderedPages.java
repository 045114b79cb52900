package io.broadsheet.caching;

import java.io.IOException;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Rendered reader pages, kept by their ETag. The ETag is the fingerprint of everything a page shows (the story and
 * its version, the listing, the masthead's date and weather reading, related news, this build's templates), so a
 * page kept under it is exactly the page that would be rendered now: nothing needs invalidating, since a change
 * gives a new ETag and the old page simply goes unused until it is evicted. A page is rendered once per ETag; a
 * later reader gets the kept bytes without Thymeleaf being involved.
 *
 * <p>As a filter it captures what the view writes, when {@link ReaderPageCaching} has marked the request as a
 * page to keep; {@link #writeKept} answers from the store.
 */
class RenderedPages extends OncePerRequestFilter {

    /** Request attribute: the ETag under which the page being rendered is to be kept. */
    static final String KEEP_AS = RenderedPages.class.getName() + ".keepAs";

    private static final int MAX_PAGE_BYTES = 512 * 1024;

    private record Page(byte[] body, String contentType, Locale locale) {
    }

    private final ReaderCaching caching;
    private final Cache<String, Page> pages;

    RenderedPages(ReaderCaching caching, long maxBytes) {
        this.caching = caching;
        this.pages = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((String etag, Page page) -> page.body().length + 200).build();
    }

    /** Writes the page kept under this ETag, if there is one; false when it must be rendered. */
    boolean writeKept(String etag, HttpServletResponse response) throws IOException {
        Page page = pages.getIfPresent(etag);
        if (page == null) {
            return false;
        }
        response.setContentType(page.contentType());
        response.setLocale(page.locale());
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!caching.appliesTo(request)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, capture);
            if (request.getAttribute(KEEP_AS) instanceof String etag && capture.getStatus() == 200
                    && capture.getContentSize() > 0 && capture.getContentSize() <= MAX_PAGE_BYTES
                    && capture.getContentType() != null && !capture.containsHeader(HttpHeaders.SET_COOKIE)) {
                pages.put(etag, new Page(capture.getContentAsByteArray(), capture.getContentType(),
                        capture.getLocale()));
            }
        } finally {
            capture.copyBodyToResponse();
        }
    }

    long size() {
        return pages.estimatedSize();
    }
}
