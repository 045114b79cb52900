package io.broadsheet.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP: stylesheets linked by content hash and kept a year; pages gzipped for clients that ask. */
@SiteTest
class StaticAssetsAndCompressionTest {

    static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"");

    @LocalServerPort
    int port;

    @Test
    void theStylesheetIsLinkedByItsHashAndKeptForAYear() {
        String page = Http.get(port, "/").body();
        Matcher link = STYLESHEET.matcher(page);
        assertThat(link.find()).as("fingerprinted stylesheet link in %s", page).isTrue();

        HttpResponse<String> css = Http.get(port, link.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public");
        assertThat(css.headers().firstValue("Pragma")).isEmpty();
        assertThat(css.headers().firstValue("Expires")).isEmpty();
    }

    @Test
    void readerPagesAreGzippedWhenTheClientAsks() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Accept-Encoding", "gzip").GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }
}
