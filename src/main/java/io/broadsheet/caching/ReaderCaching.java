package io.broadsheet.caching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.broadsheet.system.SiteProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * HTTP caching of what readers get. The ETag is a fingerprint of what a page shows, taken from the data it is
 * rendered from (its model: the story with its version, the listing, the masthead's date and weather, the head
 * metadata) plus this build's templates and messages and the site's settings, not a hash of the rendered body.
 * So a conditional request is answered 304 before anything is rendered, and a later page cache can use the same
 * fingerprint as its key.
 *
 * <p>The 304 is decided by the ETag alone. Last-Modified is sent for information where a page has one, but a
 * request carrying only If-Modified-Since gets a full answer: a page also shows things (related news, the
 * masthead) whose disappearance no timestamp records.
 */
@Component
public class ReaderCaching {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * A record made afresh for each response, such as a search's results: no later request shows that very instance
     * again, so its description is not remembered, nor are those of the records inside it. (Remembering the
     * results of each search took a cache entry and a weak reference for each of its 20-odd records: half of the
     * time a search page spent on its ETag.)
     */
    public interface NotKept {
    }

    /** Descriptions of record instances, by identity (weak keys), so a kept record is not walked again. */
    private static final Cache<Record, String> DESCRIBED = Caffeine.newBuilder().weakKeys().maximumSize(20_000)
            .build();

    /**
     * Each record type's components and their accessors, looked up once per type: asking the class for them on
     * every description (the JVM resolving names and checking access each time) cost more than all the rest of a
     * search page's ETag.
     */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                fields.add(new Field(component.getName(), accessor));
            }
            return List.copyOf(fields);
        }
    };

    private final CacheProperties properties;
    private final String buildKey;

    ReaderCaching(CacheProperties properties, SiteProperties site) {
        this.properties = properties;
        this.buildKey = digest(site.toString() + "\n" + resourcesDigest());
    }

    /** Reader GETs by someone not signed in: everything else is left no-store. */
    public boolean appliesTo(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !isPrivatePath(path) && request.getUserPrincipal() == null;
    }

    static boolean isPrivatePath(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.equals("/login")
                || path.startsWith("/login/") || path.startsWith("/logout");
    }

    /** A weak ETag for what is described by {@code parts}, or {@code null} if some part cannot be described. */
    public String etag(Object... parts) {
        StringBuilder text = new StringBuilder(buildKey);
        for (Object part : parts) {
            text.append('\u0001');
            if (!describe(part, text, true)) {
                return null;
            }
        }
        return "W/\"" + digest(text.toString()).substring(0, 32) + "\"";
    }

    /** The ETag of a page about to be rendered from this model, or {@code null} if it cannot be fingerprinted. */
    String etagOfModel(String viewName, Map<String, Object> model) {
        Map<String, Object> shown = new TreeMap<>();
        for (var entry : model.entrySet()) {
            if (entry.getKey().startsWith(BindingResult.MODEL_KEY_PREFIX)) {
                if (entry.getValue() instanceof BindingResult result && result.hasErrors()) {
                    return null;
                }
                continue;
            }
            shown.put(entry.getKey(), entry.getValue());
        }
        return etag(viewName, shown);
    }

    /**
     * Sends the public Cache-Control, the ETag and any Last-Modified; true (and a 304 with no body) when the
     * request's If-None-Match already holds this ETag.
     */
    public boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag,
            Instant lastModified) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, properties.cacheControl());
        if (lastModified != null) {
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli());
        }
        if (etag == null) {
            return false;
        }
        return new ServletWebRequest(request, response).checkNotModified(etag);
    }

    /**
     * A weak ETag for a document written without a model (a sitemap): {@code fingerprint} is a digest of what it
     * lists, taken with {@link #fingerprint()}; the build and the site's settings are part of it, as of every ETag.
     */
    public String etagOfFingerprint(MessageDigest fingerprint) {
        fingerprint.update(buildKey.getBytes(StandardCharsets.UTF_8));
        return "W/\"" + HEX.formatHex(fingerprint.digest()).substring(0, 32) + "\"";
    }

    /** A new digest for {@link #etagOfFingerprint}. */
    public static MessageDigest fingerprint() {
        return sha256();
    }

    /** Public caching without validation, for what has no ETag (robots.txt). */
    public void allowPublicCaching(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, properties.cacheControl());
    }

    /**
     * Appends what {@code value} shows to {@code out}; false if some part of it cannot be described. A record is
     * described once and its description remembered when {@code remember} holds and it is not {@link NotKept}.
     */
    private static boolean describe(Object value, StringBuilder out, boolean remember) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof TemporalAccessor
                || value instanceof ZoneId || value instanceof URI) {
            String text = value.toString();
            out.append(value.getClass().getSimpleName()).append(':').append(text.length()).append(':').append(text);
        } else if (value instanceof Record record && (!remember || record instanceof NotKept)) {
            return describeRecord(record, out, false);
        } else if (value instanceof Record record) {
            // A record kept between requests (a story's view, a listing) is described once: by the digest of its
            // description, remembered for as long as that very instance lives.
            String known = DESCRIBED.getIfPresent(record);
            if (known == null) {
                StringBuilder description = new StringBuilder();
                if (!describeRecord(record, description, true)) {
                    return false;
                }
                known = description.length() < 256 ? description.toString()
                        : record.getClass().getName() + "#" + digest(description.toString());
                DESCRIBED.put(record, known);
            }
            out.append(known);
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            for (Object item : items) {
                if (!describe(item, out, remember)) {
                    return false;
                }
                out.append(',');
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            for (var entry : map.entrySet()) {
                if (!describe(entry.getKey(), out, remember)) {
                    return false;
                }
                out.append('=');
                if (!describe(entry.getValue(), out, remember)) {
                    return false;
                }
                out.append(',');
            }
            out.append('}');
        } else {
            // An object that does not say what it holds (an entity, a form object): no ETag, never a stale 304.
            return false;
        }
        return true;
    }

    private static boolean describeRecord(Record record, StringBuilder out, boolean remember) {
        out.append(record.getClass().getName()).append('(');
        for (Field field : FIELDS.get(record.getClass())) {
            out.append(field.name()).append('=');
            if (!describe(field.read(record), out, remember)) {
                return false;
            }
            out.append(',');
        }
        out.append(')');
        return true;
    }

    /** A record component: its name and its accessor. */
    private record Field(String name, Method accessor) {

        Object read(Record record) {
            try {
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + record.getClass().getName(), e);
            }
        }
    }

    /** Templates and messages are part of every page: a new build that changes them changes every ETag. */
    private static String resourcesDigest() {
        try {
            MessageDigest sha = sha256();
            for (Resource resource : pageResources()) {
                sha.update(name(resource).getBytes(StandardCharsets.UTF_8));
                try (InputStream in = resource.getInputStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            return HEX.formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The templates and message files the pages are made from, in name order: from where the site reads them (the
     * first {@code templates} folder and {@code messages.properties} on the class path, the application's own), not
     * from every jar: looking through each library's entries for them took a quarter of a second of each start.
     */
    static List<Resource> pageResources() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        List<Resource> resources = new ArrayList<>(List.of(resolver.getResources("classpath:templates/**/*.html")));
        Resource messages = resolver.getResource("classpath:messages.properties");
        if (messages.exists()) {
            // its siblings for other languages (messages_fr.properties), in the same folder or jar
            String url = messages.getURL().toString();
            String folder = url.substring(0, url.length() - "messages.properties".length());
            resources.addAll(List.of(resolver.getResources(folder + "messages*.properties")));
        }
        resources.sort(Comparator.comparing(ReaderCaching::name));
        return resources;
    }

    /** A template by its path from the templates folder, anything else by its file name. */
    static String name(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int templates = url.lastIndexOf("/templates/");
            return templates >= 0 ? url.substring(templates) : resource.getFilename();
        } catch (IOException e) {
            return String.valueOf(resource.getFilename());
        }
    }

    private static String digest(String text) {
        return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
