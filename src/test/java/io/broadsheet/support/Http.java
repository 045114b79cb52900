package io.broadsheet.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalInt;

/** Plain HTTP to the running test server, for what MockMvc cannot show: Tomcat's URL parsing and error pages. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** What Chromium sends for a page: error pages answer it with HTML. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private Http() {
    }

    public static HttpResponse<String> get(int port, String rawPathAndQuery) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPathAndQuery))
                    .timeout(Duration.ofSeconds(30)).header("Accept", BROWSER_ACCEPT).GET().build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + rawPathAndQuery + " failed", e);
        }
    }

    /**
     * As {@link #rawStatus}, or empty when the server closed the connection before the request was all sent: Tomcat
     * refuses an oversized request line by answering 400 and closing, and a client still writing then often sees
     * only the closed connection.
     */
    public static OptionalInt rawStatusUnlessClosed(int port, String requestTarget) {
        try {
            return OptionalInt.of(rawStatus(port, requestTarget));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SocketException) {
                return OptionalInt.empty();
            }
            throw e;
        }
    }

    /** The status code for a request target sent byte for byte, even one no URI class would accept. */
    public static int rawStatus(int port, String requestTarget) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + requestTarget + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + BROWSER_ACCEPT
                    + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                statusLine.append((char) c);
            }
            return Integer.parseInt(statusLine.toString().split(" ")[1]);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + requestTarget + " failed", e);
        }
    }
}
