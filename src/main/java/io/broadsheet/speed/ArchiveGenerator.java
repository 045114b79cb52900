package io.broadsheet.speed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import io.broadsheet.article.Article;
import io.broadsheet.section.Slugs;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the database with {@code broadsheet.generate=N} made-up stories for the benchmark (bench/run.sh), then
 * builds the search index for them. It exists only in a run started with that property, which the benchmark
 * starts with {@code --server.port=-1}: no HTTP connector, so nothing of it is reachable from the web, and the
 * process ends when the archive and its index are written.
 *
 * <p>The stories look like a newspaper's: bodies of 250 to 1,800 words (most near 600) with words spread as in
 * a real archive ({@link NewsText}: common words, and names of which each story is about a few), a standfirst, a
 * byline and a dateline, eight sections of unequal
 * size, one to four of 300 tags (a few tags are on many stories, most on few), publish times spread evenly over
 * the ten years before now, and a few drafts and archived stories among them. Rows go in with JDBC batch inserts
 * (1,000 a batch, one transaction each), so a million take minutes. Beside the database it writes
 * {@value #QUERY_FILE}: searches for the words of 2,000 of the stories, which bench/run.sh asks in turn.
 */
@Component
@ConditionalOnProperty("broadsheet.generate")
public class ArchiveGenerator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ArchiveGenerator.class);
    private static final int BATCH = 1_000;
    private static final List<String> SECTIONS = List.of("World", "Politics", "Business", "Science", "Sport",
            "Culture", "Technology", "Opinion");
    private static final int TAGS = 300;
    /** How many searches the run writes for bench/run.sh to ask (each for words of one generated story). */
    private static final int QUERIES = 2_000;

    /** In the data folder: one search a line, words a reader might type to find one of the generated stories. */
    static final String QUERY_FILE = "bench-queries.txt";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EntityManagerFactory entityManagers;
    private final Clock clock;
    private final long count;
    private final Random random = new Random(8);
    private final NewsText text = new NewsText(random);
    private final Path queryFile;
    private final List<String> queries = new ArrayList<>();

    ArchiveGenerator(JdbcTemplate jdbc, TransactionTemplate transaction, EntityManagerFactory entityManagers,
            Clock clock, Environment environment) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.entityManagers = entityManagers;
        this.clock = clock;
        this.count = Long.parseLong(environment.getRequiredProperty("broadsheet.generate"));
        this.queryFile = Path.of(environment.getRequiredProperty("broadsheet.data-dir"), QUERY_FILE);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long[] sections = sections();
        long[] tags = tags();
        long firstId = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from article", Long.class);
        Instant now = clock.instant();
        Duration span = Duration.ofDays(3652);
        for (long done = 0; done < count; done += BATCH) {
            int size = (int) Math.min(BATCH, count - done);
            long from = firstId + done;
            List<Object[]> rows = new ArrayList<>(size);
            List<Object[]> links = new ArrayList<>(size * 3);
            for (int i = 0; i < size; i++) {
                long id = from + i;
                // Oldest first, so that ids grow with publish time as they do on a real site.
                Instant published = now.minus(span).plusMillis(span.toMillis() * (done + i) / Math.max(count, 1));
                rows.add(article(id, published, sections));
                for (long tag : tagsOfOneStory(tags)) {
                    links.add(new Object[] {id, tag});
                }
            }
            transaction.executeWithoutResult(tx -> {
                jdbc.batchUpdate("""
                        insert into article (id, slug, headline, standfirst, body, summary, byline, dateline,
                            section_id, status, published_at, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
                jdbc.batchUpdate("insert into article_tag (article_id, tag_id) values (?, ?)", links);
            });
            if ((done / BATCH) % 100 == 99) {
                log.info("Generated {} of {} stories", done + size, count);
            }
        }
        // Ids were given explicitly: the next story saved by the newsroom must not collide with them.
        jdbc.execute("alter table article alter column id restart with " + (firstId + count));
        long inserted = System.nanoTime();
        log.info("Generated {} stories in {} s", count, seconds(inserted - started));
        Files.write(queryFile, queries, StandardCharsets.UTF_8);
        // Merged into one segment at the end, as the site's own rebuild leaves it (SearchIndexRebuild): the mass
        // indexer's flushes left 17 segments for a million stories, and the benchmark measured a layout the site
        // never serves after a rebuild.
        Search.mapping(entityManagers).scope(Article.class).massIndexer()
                .threadsToLoadObjects(2).batchSizeToLoadObjects(200).mergeSegmentsOnFinish(true).startAndWait();
        log.info("Search index built for all stories in {} s", seconds(System.nanoTime() - inserted));
    }

    /** A generating run does nothing else: {@code main} ends it when the archive is written, rather than serving. */
    public static boolean requested(ConfigurableApplicationContext context) {
        return context.getEnvironment().containsProperty("broadsheet.generate");
    }

    private Object[] article(long id, Instant published, long[] sections) {
        NewsText.Topic topic = text.topic();
        if (id % Math.max(1, count / QUERIES) == 0 && queries.size() < QUERIES) {
            queries.add(text.query(topic));
        }
        String headline = text.headline(topic);
        String standfirst = NewsText.capitalised(text.words(18 + random.nextInt(20), topic)) + ".";
        String status = random.nextInt(100) < 2 ? "DRAFT" : random.nextInt(100) < 1 ? "ARCHIVED" : "PUBLISHED";
        OffsetDateTime at = OffsetDateTime.ofInstant(published, ZoneOffset.UTC);
        // Section sizes fall off: the first sections carry most stories, as World and Politics do.
        long section = sections[Math.min(sections.length - 1, (int) Math.abs(random.nextGaussian() * 2.5))];
        return new Object[] {id, Slugs.of(headline, 180) + "-" + id, headline, standfirst, body(topic), standfirst,
                text.name() + " " + text.name(), text.name(), section, status,
                "DRAFT".equals(status) ? null : at, at, at};
    }

    private Set<Long> tagsOfOneStory(long[] tags) {
        Set<Long> chosen = new LinkedHashSet<>();
        int wanted = 1 + random.nextInt(4);
        while (chosen.size() < wanted) {
            // Skewed: tag k is picked about 1/(k+1) as often as the first one.
            int k = (int) Math.floor(Math.pow(tags.length + 1, random.nextDouble())) - 1;
            chosen.add(tags[Math.min(k, tags.length - 1)]);
        }
        return chosen;
    }

    private String body(NewsText.Topic topic) {
        // Log-normal word count: median about 600, rarely under 250 or over 1,800.
        int words = (int) Math.max(250, Math.min(1800, Math.exp(6.4 + random.nextGaussian() * 0.45)));
        StringBuilder body = new StringBuilder(words * 7);
        while (words > 0) {
            int paragraph = Math.min(words, 40 + random.nextInt(60));
            int left = paragraph;
            while (left > 0) {
                int sentence = Math.min(left, 8 + random.nextInt(18));
                body.append(NewsText.capitalised(text.words(sentence, topic))).append(". ");
                left -= sentence;
            }
            body.setLength(body.length() - 1);
            body.append("\n\n");
            words -= paragraph;
        }
        return body.toString().strip();
    }

    private long[] sections() {
        long[] ids = new long[SECTIONS.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idOf("section", SECTIONS.get(i));
        }
        return ids;
    }

    private long[] tags() {
        long[] ids = new long[TAGS];
        Set<String> names = new LinkedHashSet<>();
        NewsText tagWords = new NewsText(new Random(300));
        while (names.size() < TAGS) {
            names.add(NewsText.capitalised(tagWords.commonWord()) + " " + tagWords.name());
        }
        int i = 0;
        for (String name : names) {
            ids[i++] = idOf("tag", name);
        }
        return ids;
    }

    private long idOf(String table, String name) {
        String slug = Slugs.of(name, 100);
        List<Long> found = jdbc.queryForList("select id from " + table + " where slug = ?", Long.class, slug);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        jdbc.update("insert into " + table + " (slug, name) values (?, ?)", slug, name);
        return jdbc.queryForObject("select id from " + table + " where slug = ?", Long.class, slug);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
