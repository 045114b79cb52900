package io.broadsheet.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.nio.charset.StandardCharsets;

import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * Over real HTTP: stylesheets linked by content hash and kept a year; pages gzipped for clients that ask; a story
 * page fits the socket write buffer of Tomcat's NIO2 connector, so it leaves in one write.
 */
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
    void aStoryPageFitsTheSocketWriteBufferAndArrivesWhole(@Autowired ServletWebServerApplicationContext context) {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProtocolHandler()).isInstanceOf(Http11Nio2Protocol.class);
        // the endpoint answers with the values it was given (as text) and applied to its sockets
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString(Integer.toString(32 * 1024));
        assertThat(connector.getProperty("socket.directBuffer")).hasToString("true");

        String story = "/articles/taliban-overtakes-3-more-major-cities-in-afghanistan-in-push-toward-kabul";
        for (String view : new String[] {"rendered", "replayed"}) {
            HttpResponse<String> page = Http.get(port, story);
            int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
            assertThat(page.statusCode()).as(view).isEqualTo(200);
            assertThat(page.headers().firstValueAsLong("Content-Length")).as(view).hasValue(bytes);
            // more than Tomcat's default 8 KB buffer (two writes), less than ours with room for the headers
            assertThat(bytes).as(view).isBetween(8 * 1024, 28 * 1024);
            assertThat(page.body().strip()).as(view).endsWith("</html>");
        }
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
