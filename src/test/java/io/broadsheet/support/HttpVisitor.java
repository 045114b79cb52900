package io.broadsheet.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;

/**
 * Someone with a browser talking real HTTP to an application started by a test: one cookie jar (safe to share
 * between threads), no redirects followed, and a generous timeout so that a test never depends on speed.
 */
public final class HttpVisitor {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final Map<String, String> headers;

    public HttpVisitor() {
        this(Map.of());
    }

    /** A visitor whose every request carries these headers too (a proxy's {@code X-Forwarded-Proto}, say). */
    public HttpVisitor(Map<String, String> headers) {
        this.headers = headers;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public HttpResponse<String> get(int port, String path) throws Exception {
        return send(request(port, path).GET());
    }

    public HttpResponse<String> post(int port, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(port, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in through the form (GET /login for the CSRF token and its cookie, POST /login); the answer. */
    public HttpResponse<String> signIn(int port, String username, String password) throws Exception {
        HttpResponse<String> loginPage = get(port, "/login");
        return post(port, "/login", Map.of("username", username, "password", password, "_csrf",
                csrfToken(loginPage)));
    }

    /** The newsroom's article form as an editor fills it in to publish a story at once. */
    public static Map<String, String> publishForm(String csrfToken, String headline, String body, String section) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrfToken);
        form.put("action", "publish");
        form.put("headline", headline);
        form.put("standfirst", "");
        form.put("body", body);
        form.put("byline", section + " staff");
        form.put("dateline", "Kabul");
        form.put("section", section);
        form.put("tags", "");
        form.put("slug", "");
        form.put("publishAt", "");
        return form;
    }

    /** The CSRF token of the page's form (CookieCsrfTokenRepository: its cookie XSRF-TOKEN comes with it). */
    public static String csrfToken(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("input[name=_csrf]").first().attr("value");
    }

    private HttpRequest.Builder request(int port, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", Http.BROWSER_ACCEPT);
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return response;
    }
}
