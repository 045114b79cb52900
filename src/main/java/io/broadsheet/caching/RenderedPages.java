package io.broadsheet.caching;

import java.io.IOException;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.broadsheet.system.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Rendered reader pages, kept by their ETag. The ETag is the fingerprint of everything a page shows (the story and
 * its version, the listing, the masthead's date and weather reading, related news, this build's templates), so a
 * page kept under it is exactly the page that would be rendered now: nothing needs invalidating, since a change
 * gives a new ETag and the old page simply goes unused until it is evicted. A page is kept the second time it is
 * rendered ({@link SecondSight}: a page shown once, such as a search with a reader's own words, is not worth the
 * room); a later reader gets the kept bytes without Thymeleaf being involved.
 *
 * <p>As a filter it captures what the view writes, when {@link ReaderPageCaching} has marked the request as a
 * page to keep; {@link #writeKept} answers from the store.
 *
 * <p>It also remembers which page each address showed last. When the database cannot be reached, a reader asking
 * for an address whose page is still kept (it was shown at least twice) gets that page (200, {@code no-store}, since it may be out of date)
 * instead of the 503 "back soon" page.
 */
class RenderedPages extends OncePerRequestFilter {

    /** Request attribute: the ETag under which the page being rendered is to be kept. */
    static final String KEEP_AS = RenderedPages.class.getName() + ".keepAs";

    private static final int MAX_PAGE_BYTES = 512 * 1024;

    private record Page(byte[] body, String contentType, Locale locale) {
    }

    private final ReaderCaching caching;
    private final Cache<String, Page> pages;
    /** The ETag of the page each address (path and query) showed last. */
    private final Cache<String, String> lastShown = Caffeine.newBuilder().maximumSize(10_000).build();
    /** ETags rendered before: a page is kept when it is rendered a second time. */
    private final SecondSight shown = new SecondSight(16_384);

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
        write(page, response);
        return true;
    }

    private static void write(Page page, HttpServletResponse response) throws IOException {
        response.setContentType(page.contentType());
        response.setLocale(page.locale());
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /** The answer to a request that was set aside (a search waiting its turn) is written in an async dispatch. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!caching.appliesTo(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean asyncDispatch = isAsyncDispatch(request);
        CapturedPage capture;
        if (asyncDispatch) {
            // the capture the request was set aside with is among the wrappers Spring dispatches again
            capture = WebUtils.getNativeResponse(response, CapturedPage.class);
            if (capture == null) {
                chain.doFilter(request, response);
                return;
            }
        } else {
            capture = new CapturedPage(response);
        }
        boolean setAside = false;
        try {
            chain.doFilter(request, asyncDispatch ? response : capture);
            setAside = isAsyncStarted(request);
            if (!setAside && request.getAttribute(KEEP_AS) instanceof String etag && capture.getStatus() == 200
                    && capture.getContentSize() > 0 && capture.getContentSize() <= MAX_PAGE_BYTES
                    && capture.getContentType() != null && !capture.containsHeader(HttpHeaders.SET_COOKIE)
                    && shown.seenBefore(etag)) {
                pages.put(etag, new Page(capture.getContentAsByteArray(), capture.getContentType(),
                        capture.getLocale()));
                String address = address(request);
                if (address.length() <= 1024) {
                    lastShown.put(address, etag);
                }
            }
        } catch (IOException | ServletException | RuntimeException failure) {
            Page last = lastShownAt(request);
            if (last == null || !DatabaseOutage.explains(failure) || response.isCommitted()) {
                throw failure;
            }
            capture.resetBuffer();
            capture.setStatus(HttpServletResponse.SC_OK);
            capture.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            write(last, capture);
        } finally {
            if (!setAside) {
                capture.copyBodyToResponse();
            }
        }
    }

    private Page lastShownAt(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String etag = lastShown.getIfPresent(address(request));
        return etag == null ? null : pages.getIfPresent(etag);
    }

    private static String address(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    long size() {
        return pages.estimatedSize();
    }
}
