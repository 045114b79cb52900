package io.broadsheet.caching;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.server.Compression;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The whole answer to an anonymous reader's GET (status 200, every header, the bytes), kept by its address and
 * replayed ahead of Spring Security and Spring MVC: a repeat view of an unchanged page costs a map lookup and a
 * write, close to what a web server pays for a static file. On Tomcat, {@link SnapshotReplayValve} replays kept
 * pages before any filter; this filter renders and keeps them, and replays them where there is no such valve (a
 * test's mock requests) and to readers who waited for a page being rendered.
 *
 * <p>A snapshot holds for the minute it was taken in (the masthead shows the date, and scheduled stories appear
 * by the minute) and only while nothing it may show has changed on this instance: any story change or new weather
 * reading ({@link #contentChanged()}) starts a new generation and every older snapshot goes unused. Changes made
 * through another instance reach this one's snapshots at the next minute at the latest.
 *
 * <p>Only answers that the rest of the application marked as publicly cacheable (an ETag and a public
 * Cache-Control, see {@link ReaderPageCaching}) and that set no cookie are kept; a request that carries a session
 * cookie or credentials is never answered from here, since a signed-in member of staff gets pages of their own.
 *
 * <p>An answer is kept when a second reader asks for the same address (in the same minute and generation), before
 * it was made or while it was being made ({@link SecondSight}): an address asked for once, as most searches are,
 * costs no copy, no compression and no room.
 *
 * <p>A page Tomcat would compress ({@code server.compression.*}) is also kept gzipped, compressed once, and a reader
 * whose Accept-Encoding allows gzip gets those bytes; Tomcat compresses only after this filter, so it compressed
 * the page again on every replay before.
 *
 * <p>A replayed answer is counted as a hit in {@code cache_gets_total{cache="page-snapshots"}} and logged in the
 * access log, but not timed in {@code http_server_requests}: the filter runs ahead of the request metrics, whose
 * bookkeeping cost as much as the replay itself.
 *
 * <p>A plain filter, registered for the request dispatch only: Spring's {@code OncePerRequestFilter} set and
 * removed a request attribute on every request to tell a second pass, which a request dispatch never makes.
 */
class PageSnapshots implements Filter, MeterBinder {

    private static final int MAX_KEY_LENGTH = 1024;
    private static final int MAX_BODY_BYTES = 512 * 1024;

    /** How long a reader waits for the page another reader is rendering before rendering it too. */
    private static final int WAIT_FOR_FIRST_SECONDS = 10;

    /**
     * Headers the container writes for each answer by itself, and those a replay sets otherwise: the ETag (with
     * the 304 check), the type and the language (through the servlet API, which Tomcat's compression reads).
     */
    private static final List<String> NOT_REPLAYED = List.of(HttpHeaders.CONTENT_LENGTH, HttpHeaders.DATE,
            HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CONNECTION, "Keep-Alive", HttpHeaders.ETAG,
            HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LANGUAGE);

    /** A Vary token Tomcat adds by itself to an answer it may compress ({@code server.compression.*}). */
    private static final String ACCEPT_ENCODING_TOKEN = "accept-encoding";

    private record Key(String address, boolean secure, long generation, long minute) {
    }

    /** The request attribute under which a set-aside request's {@link Capture} waits for its async dispatch. */
    private static final String CAPTURE = PageSnapshots.class.getName() + ".capture";

    /** A page being captured for {@code key} while its request is set aside. */
    private record Capture(Key key, TeeResponse response) {
    }

    /**
     * A kept header, also as the bytes Tomcat would send for it (ISO-8859-1, control characters but tab made
     * spaces), so that {@link SnapshotReplayValve} can hand them over without Tomcat encoding them on each replay.
     */
    record Header(String name, String value, byte[] nameBytes, byte[] valueBytes) {

        Header(String name, String value) {
            this(name, value, asSent(name), asSent(value));
        }

        private static byte[] asSent(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] >= 0 && bytes[i] < ' ' && bytes[i] != '\t' || bytes[i] == 127) {
                    bytes[i] = ' ';
                }
            }
            return bytes;
        }
    }

    /** What a 304 of a page Tomcat may compress varies by (Tomcat adds nothing to an answer without a body). */
    private static final Header VARY_ACCEPT_ENCODING_TOKEN = new Header(HttpHeaders.VARY, ACCEPT_ENCODING_TOKEN);
    /** What a page sent gzipped from its kept copy varies by. */
    private static final Header VARY_ACCEPT_ENCODING = new Header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);

    /** Where a replay writes the kept headers. */
    @FunctionalInterface
    interface HeaderOut {
        void add(Header header);

        /** Adds the Date header, where the container would otherwise add it by encoding it anew for each answer. */
        default void addDate() {
        }
    }

    /**
     * {@code gzipped}: the body compressed once, for readers who accept gzip; {@code null} if it is not sent so.
     * {@code language}: the Content-Language header, or {@code null}. {@code variesByEncoding}: the answer said
     * {@code Vary: accept-encoding}, which is not among {@code headers} (see {@link #withoutAcceptEncoding}).
     */
    private record Snapshot(byte[] body, byte[] gzipped, Header etag, String contentType, List<Header> headers,
            Header language, boolean variesByEncoding) {
    }

    private final Clock clock;
    private final List<String> sessionCookies;
    /** Paths whose answers are never kept (search results, when the index follows changes a moment later). */
    private final List<String> notKept;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong rendered = new AtomicLong();
    private final ConcurrentHashMap<Key, CompletableFuture<Snapshot>> inFlight = new ConcurrentHashMap<>();
    private final Cache<Key, Snapshot> snapshots;
    /** Addresses asked for in this minute and generation: a page is kept when a second reader asks for it. */
    private final SecondSight asked = new SecondSight(16_384);
    private final Compression compression;
    /** {@code server.compression.excluded-user-agents} as Tomcat reads it: one pattern, matched whole. */
    private final Pattern uncompressedAgents;

    PageSnapshots(List<String> sessionCookies, List<String> notKept, Clock clock, long maxBytes,
            Compression compression) {
        this.notKept = notKept;
        this.clock = clock;
        this.sessionCookies = sessionCookies;
        this.compression = compression;
        String[] excluded = compression.getExcludedUserAgents();
        this.uncompressedAgents = excluded == null || excluded.length == 0 ? null
                : Pattern.compile(String.join(",", excluded));
        this.snapshots = Caffeine.newBuilder().maximumWeight(maxBytes).recordStats()
                .weigher((Key key, Snapshot page) -> page.body().length
                        + (page.gzipped() == null ? 0 : page.gzipped().length) + 2 * key.address().length() + 1024)
                .build();
    }

    /** Something a reader page may show has changed: no snapshot taken before now is used again. */
    void contentChanged() {
        generation.incrementAndGet();
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws ServletException, IOException {
        if (!(servletRequest instanceof HttpServletRequest request)
                || !(servletResponse instanceof HttpServletResponse response)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            // the answer to a request that was set aside (a search waiting its turn), written into the capture
            chain.doFilter(request, response);
            if (!request.isAsyncStarted() && request.getAttribute(CAPTURE) instanceof Capture capture) {
                request.removeAttribute(CAPTURE);
                keep(capture.key(), capture.response());
            }
            return;
        }
        Key key = keyOf(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Snapshot kept = snapshots.getIfPresent(key);
        if (kept != null) {
            replay(kept, request, response, servletHeaders(response));
            return;
        }
        // One reader renders a page that is not kept; the others asking for it meanwhile wait for that answer
        // instead of each rendering it (after every edit, hundreds of readers would otherwise miss at once).
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> first = inFlight.putIfAbsent(key, mine);
        if (first != null) {
            // a second reader of the page: the one rendering it keeps it
            asked.seenBefore(key);
            Snapshot shared = await(first);
            if (shared != null) {
                replay(shared, request, response, servletHeaders(response));
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        Snapshot taken = snapshots.getIfPresent(key);
        try {
            if (taken != null) {
                replay(taken, request, response, servletHeaders(response));
                return;
            }
            TeeResponse capture = new TeeResponse(response, MAX_BODY_BYTES);
            chain.doFilter(request, capture);
            if (request.isAsyncStarted()) {
                // Set aside: the answer is written in a later (async) dispatch, which keeps it. Readers waiting
                // for it meanwhile make their own rather than hold a thread for as long as it waits.
                request.setAttribute(CAPTURE, new Capture(key, capture));
                return;
            }
            taken = keep(key, capture);
        } finally {
            inFlight.remove(key, mine);
            mine.complete(taken);
        }
    }

    /**
     * The snapshot of a page made for this reader, kept on its second reader (before or while it was made) and
     * compressed only then; {@code null} if it cannot be kept.
     */
    private Snapshot keep(Key key, TeeResponse capture) {
        capture.flushWriter();
        boolean keep = asked.seenBefore(key);
        Snapshot taken = snapshotOf(capture, keep);
        if (taken != null && keep) {
            // Kept under the generation read before the page was built: if a story changed meanwhile, the page
            // may show the old one, and the key is already out of date.
            snapshots.put(key, taken);
            rendered.incrementAndGet();
        }
        return taken;
    }

    /**
     * Answers the request with its kept snapshot, if there is one, writing the kept headers to {@code headers};
     * false (having written nothing) otherwise. Called by {@link SnapshotReplayValve} ahead of the filter chain, on
     * the request as Tomcat received it.
     */
    boolean replayIfKept(HttpServletRequest request, HttpServletResponse response, HeaderOut headers)
            throws IOException {
        Key key = keyOf(request);
        Snapshot kept = key == null ? null : snapshots.getIfPresent(key);
        if (kept == null) {
            return false;
        }
        replay(kept, request, response, headers);
        return true;
    }

    private static HeaderOut servletHeaders(HttpServletResponse response) {
        return header -> response.addHeader(header.name(), header.value());
    }

    /** The answer another request is making, or {@code null} if it made none in time. */
    private static Snapshot await(CompletableFuture<Snapshot> first) {
        try {
            return first.get(WAIT_FOR_FIRST_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** The key for an anonymous reader's GET of a public page, or {@code null} when this one is not for us. */
    private Key keyOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getUserPrincipal() != null
                || request.getSession(false) != null || carriesSessionCookie(request) || authenticated()) {
            return null;
        }
        String path = request.getRequestURI();
        if (ReaderCaching.isPrivatePath(path) || path.startsWith("/actuator") || notKept.contains(path)) {
            return null;
        }
        String query = request.getQueryString();
        if (query == null && !request.getParameterMap().isEmpty()) {
            // parameters that are not in the address (a test's mock request): the address does not say the page
            return null;
        }
        String address = query == null ? path : path + "?" + query;
        if (address.length() > MAX_KEY_LENGTH) {
            return null;
        }
        return new Key(address, request.isSecure(), generation.get(), clock.millis() / 60_000);
    }

    /** Someone already known on this thread (a test's mock user); a real request has nobody here yet. */
    private static boolean authenticated() {
        return SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication() != null;
    }

    private boolean carriesSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (sessionCookies.contains(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The answer as it can be replayed, with its gzipped copy if {@code compress}; null if it is not to be kept. */
    private Snapshot snapshotOf(TeeResponse capture, boolean compress) {
        String etag = capture.getHeader(HttpHeaders.ETAG);
        String cacheControl = capture.getHeader(HttpHeaders.CACHE_CONTROL);
        byte[] body = capture.copied();
        if (capture.getStatus() != 200 || etag == null || cacheControl == null || !cacheControl.startsWith("public")
                || capture.containsHeader(HttpHeaders.SET_COOKIE) || capture.getContentType() == null
                || body == null || body.length == 0) {
            return null;
        }
        // an answer that came encoded already is replayed as it came
        byte[] gzipped = !compress || capture.containsHeader(HttpHeaders.CONTENT_ENCODING) ? null
                : gzipped(body, capture.getContentType());
        List<Header> headers = new ArrayList<>();
        boolean variesByEncoding = false;
        for (String name : capture.getHeaderNames()) {
            if (NOT_REPLAYED.stream().noneMatch(name::equalsIgnoreCase)) {
                for (String value : capture.getHeaders(name)) {
                    if (gzipped != null && name.equalsIgnoreCase(HttpHeaders.VARY) && namesAcceptEncoding(value)) {
                        // Tomcat adds accept-encoding again to a page it may compress
                        variesByEncoding = true;
                        String rest = withoutAcceptEncoding(value);
                        if (!rest.isEmpty()) {
                            headers.add(new Header(name, rest));
                        }
                    } else {
                        headers.add(new Header(name, value));
                    }
                }
            }
        }
        return new Snapshot(body, gzipped, new Header(HttpHeaders.ETAG, etag), capture.getContentType(),
                List.copyOf(headers), contentLanguage(capture.getLocale()), variesByEncoding);
    }

    /** The Content-Language header Tomcat writes for {@code locale} (its language tag), or {@code null}. */
    private static Header contentLanguage(Locale locale) {
        if (locale == null) {
            return null;
        }
        String tag = locale.toLanguageTag();
        return "und".equals(tag) ? null : new Header(HttpHeaders.CONTENT_LANGUAGE, tag);
    }

    /**
     * A Vary header's value without {@code accept-encoding}, which Tomcat adds by itself to an answer it may
     * compress: replayed, Tomcat found it there and parsed the whole header to see so on every replay (a twentieth
     * of a replayed page's CPU); left out, Tomcat adds it again, to the same answers as before.
     */
    private static String withoutAcceptEncoding(String vary) {
        return Arrays.stream(vary.split(",")).map(String::strip)
                .filter(token -> !token.isEmpty() && !token.equalsIgnoreCase(ACCEPT_ENCODING_TOKEN))
                .collect(Collectors.joining(", "));
    }

    private static boolean namesAcceptEncoding(String vary) {
        return Arrays.stream(vary.split(",")).map(String::strip).anyMatch(ACCEPT_ENCODING_TOKEN::equalsIgnoreCase);
    }

    /**
     * The body compressed as Tomcat would compress it for a reader who accepts gzip ({@code server.compression.*}:
     * its types, from its size), once: Tomcat compresses after this filter, so a replayed page was compressed
     * again for every reader, and nearly every browser asks for gzip (a story page: 15,000 answers a second
     * compressed on each replay, 40,000 sent as they are).
     */
    private byte[] gzipped(byte[] body, String contentType) {
        if (!compression.getEnabled() || body.length < compression.getMinResponseSize().toBytes()
                || !compressible(contentType)) {
            return null;
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(body);
        } catch (IOException e) {
            // into memory: does not fail
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private boolean compressible(String contentType) {
        String type = contentType.split(";", 2)[0].strip();
        return Arrays.stream(compression.getMimeTypes()).anyMatch(type::equalsIgnoreCase);
    }

    /**
     * Whether the reader's Accept-Encoding allows gzip: named, or covered by {@code *}, and not with {@code q=0}.
     * A gzip entry of its own counts over {@code *} ({@code *;q=0, gzip} allows gzip).
     */
    static boolean acceptsGzip(HttpServletRequest request) {
        Boolean any = null;
        for (Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING); values.hasMoreElements();) {
            for (String coding : values.nextElement().split(",")) {
                String[] parts = coding.split(";");
                String name = parts[0].strip();
                boolean allowed = Arrays.stream(parts).skip(1).map(String::strip)
                        .noneMatch(parameter -> parameter.matches("(?i)q\\s*=\\s*0(\\.0{0,3})?"));
                if (name.equalsIgnoreCase("gzip")) {
                    return allowed;
                }
                if (name.equals("*") && any == null) {
                    any = allowed;
                }
            }
        }
        return any != null && any;
    }

    /**
     * Whether this reader gets the gzipped copy: their Accept-Encoding allows gzip and their User-Agent is not one
     * Tomcat is told not to compress for ({@code server.compression.excluded-user-agents}).
     */
    private boolean getsGzip(HttpServletRequest request) {
        if (!acceptsGzip(request)) {
            return false;
        }
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        return uncompressedAgents == null || agent == null || !uncompressedAgents.matcher(agent).matches();
    }

    private void replay(Snapshot kept, HttpServletRequest request, HttpServletResponse response, HeaderOut headers)
            throws IOException {
        headers.addDate();
        headers.add(kept.etag());
        // Spring's own If-None-Match check (weak comparison, "*", lists), which answers a 304 on a match. Shown the
        // ETag as kept, it writes none: asked for the header, Tomcat would turn the kept bytes back into text (as
        // its compression does, looking for a strong ETag, on an answer it may compress: not on a gzipped one).
        String etag = kept.etag().value();
        boolean notModified = new ServletWebRequest(request, new HttpServletResponseWrapper(response) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.ETAG.equalsIgnoreCase(name) ? etag : super.getHeader(name);
            }
        }).checkNotModified(etag);
        for (Header header : kept.headers()) {
            headers.add(header);
        }
        if (notModified) {
            // A 304 describes the page without sending it (no type, no language), and Tomcat adds nothing to an
            // answer without a body: it says what the page varies by itself.
            if (kept.variesByEncoding()) {
                headers.add(VARY_ACCEPT_ENCODING_TOKEN);
            }
            return;
        }
        // The type through the servlet API, which Tomcat's compression reads; the language as a kept header (Tomcat
        // would write it from the locale, encoding it anew for each answer).
        response.setContentType(kept.contentType());
        if (kept.language() != null) {
            headers.add(kept.language());
        }
        byte[] body = kept.body();
        if (kept.gzipped() != null && getsGzip(request)) {
            // Tomcat leaves an answer that has its Content-Encoding alone (and adds no Vary of its own to it)
            body = kept.gzipped();
            // (the encoding as text: Tomcat's compression reads it as text on every answer)
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            headers.add(VARY_ACCEPT_ENCODING);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Hits and misses as cache_gets_total{cache="page-snapshots"}, for the hit ratio on /actuator/prometheus. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, snapshots, "page-snapshots");
        FunctionCounter.builder("broadsheet.page.snapshots.rendered", rendered, AtomicLong::get)
                .description("Pages rendered and kept for anonymous readers (once per address, minute and change)")
                .register(registry);
    }
}
