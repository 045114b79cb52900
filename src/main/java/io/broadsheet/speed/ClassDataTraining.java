package io.broadsheet.speed;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The training start that makes the AOT cache on Java 25 ({@code -XX:AOTCacheOutput}, in the Dockerfile and
 * bench/run.sh) or the class-data archive on Java 17 ({@code -XX:ArchiveClassesAtExit}): with
 * {@code broadsheet.training-run=true}, once the site is up it reads its own reader pages over HTTP (the front
 * page, a story, its section and a tag, a search, the feeds, the sitemap, the sign-in page, a missing page; each
 * three times, so that a page is rendered, kept and replayed) and then stops, and the JVM writes the cache or
 * archive as it exits. Stopping as soon as the application context was ready, as before, left out the 5,000
 * classes that only serving a page loads: the first reader after each start waited half a second for them.
 *
 * <p>The switch is read when the site starts (not when it is built), so that it works in ahead-of-time mode.
 * Meant for an empty data folder, which starts with the seeded report.
 */
@Component
class ClassDataTraining {

    private static final Logger log = LoggerFactory.getLogger(ClassDataTraining.class);

    /** Each page three times: the first reader's, the second's (which is kept), a replay. */
    private static final int READS = 3;

    private final boolean enabled;
    private final IntConsumer exit;

    @Autowired
    ClassDataTraining(@Value("${broadsheet.training-run:false}") boolean enabled) {
        this(enabled, System::exit);
    }

    ClassDataTraining(boolean enabled, IntConsumer exit) {
        this.enabled = enabled;
        this.exit = exit;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!enabled) {
            return;
        }
        ConfigurableApplicationContext context = event.getApplicationContext();
        int status = 0;
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Map<String, Integer> answers = readPages(port);
            log.info("Training run: read {} pages {} times each: {}", answers.size(), READS, answers);
        } catch (IOException | RuntimeException e) {
            log.error("Training run failed", e);
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        int code = SpringApplication.exit(context, () -> 0);
        exit.accept(status == 0 ? code : status);
    }

    /** Reads the site's reader pages on this port; the status each answered with, by address. */
    Map<String, Integer> readPages(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://localhost:" + port;
        Map<String, Integer> answers = new LinkedHashMap<>();
        Document front = Jsoup.parse(read(http, base, "/", answers), base);
        String story = firstLink(front, "/articles/");
        List<String> pages = new ArrayList<>();
        if (story != null) {
            Document storyPage = Jsoup.parse(read(http, base, story, answers), base);
            pages.add(firstLink(storyPage, "/sections/"));
            pages.add(firstLink(storyPage, "/tags/"));
            pages.add("/search?q=" + URLEncoder.encode(longestWord(storyPage.select("h1").text()), StandardCharsets.UTF_8));
        }
        pages.addAll(List.of("/feed.xml", "/atom.xml", "/sitemap.xml", "/login", "/no-such-page"));
        for (String page : pages) {
            if (page != null) {
                read(http, base, page, answers);
            }
        }
        return answers;
    }

    /** Reads the page {@link #READS} times (the last asking for gzip); its first answer's text. */
    private static String read(HttpClient http, String base, String path, Map<String, Integer> answers)
            throws IOException, InterruptedException {
        String first = null;
        for (int i = 0; i < READS; i++) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept-Encoding", i == READS - 1 ? "gzip" : "identity")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            answers.put(path, response.statusCode());
            if (first == null) {
                first = new String(response.body(), StandardCharsets.UTF_8);
            }
        }
        return first;
    }

    private static String firstLink(Document page, String prefix) {
        Element link = page.selectFirst("a[href^=" + prefix + "]");
        return link == null ? null : link.attr("href");
    }

    private static String longestWord(String text) {
        return List.of(text.split("[^\\p{L}]+")).stream().max(Comparator.comparingInt(String::length)).orElse("news");
    }
}
