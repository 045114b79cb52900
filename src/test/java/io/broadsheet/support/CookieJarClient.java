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
import java.util.stream.Collectors;

import org.jsoup.Jsoup;

/**
 * A browser without a screen, for tests over real HTTP: one cookie jar (for the one address that every instance
 * stands behind), no redirects followed, and optional extra headers on every request (a proxy's
 * {@code X-Forwarded-Proto}, say).
 */
public final class CookieJarClient {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers;

    public CookieJarClient() {
        this(Map.of());
    }

    public CookieJarClient(Map<String, String> headers) {
        this.headers = headers;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public HttpResponse<String> get(int port, String path) throws Exception {
        return get(port, path, true);
    }

    /** A GET, with or without the cookies (a reader who has none); cookies set by the answer are kept either way. */
    public HttpResponse<String> get(int port, String path, boolean withCookies) throws Exception {
        HttpRequest.Builder request = request(port, path, withCookies).header("Accept", "text/html").GET();
        return keepCookies(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    public HttpResponse<String> post(int port, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(port, path, true)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return keepCookies(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Opens the sign-in page and signs in with its CSRF token; the answer to the POST. */
    public HttpResponse<String> signIn(int port, String username, String password) throws Exception {
        HttpResponse<String> loginPage = get(port, "/login");
        return post(port, "/login", Map.of("username", username, "password", password, "_csrf", csrfToken(loginPage)));
    }

    /** The CSRF token of the page's form. */
    public static String csrfToken(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("input[name=_csrf]").first().attr("value");
    }

    private HttpRequest.Builder request(int port, String path, boolean withCookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (withCookies && !cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> keepCookies(HttpResponse<String> response) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return response;
    }
}
