package io.broadsheet.speed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.boot.SpringApplication;
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
 * <p>The stories look like a newspaper's: bodies of 250 to 1,800 words (most near 600) made of words taken from
 * the seeded report and a newsroom vocabulary, a standfirst, a byline and a dateline, eight sections of unequal
 * size, one to four of 300 tags (a few tags are on many stories, most on few), publish times spread evenly over
 * the ten years before now, and a few drafts and archived stories among them. Rows go in with JDBC batch inserts
 * (1,000 a batch, one transaction each), so a million take minutes.
 */
@Component
@ConditionalOnProperty("broadsheet.generate")
class ArchiveGenerator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ArchiveGenerator.class);
    private static final int BATCH = 1_000;
    private static final List<String> SECTIONS = List.of("World", "Politics", "Business", "Science", "Sport",
            "Culture", "Technology", "Opinion");
    private static final int TAGS = 300;
    private static final String[] NEWSROOM_WORDS = ("government minister election vote parliament economy market"
            + " shares inflation bank interest rates budget tax health hospital doctors patients school teachers"
            + " students university research scientists climate weather storm flood drought energy oil gas power"
            + " prices workers union strike company profits growth trade exports tariffs talks summit leaders"
            + " president prime court judge trial police officers crime investigation report officials said"
            + " spokesman statement announced warned agreed rejected plans policy reform law bill senate council"
            + " city region province border troops ceasefire peace war refugees aid crisis emergency rescue"
            + " football match season team coach players goal league cup final victory defeat record film music"
            + " festival museum artist novel theatre award technology software data internet phone privacy"
            + " security network satellite space mission launch study found evidence risk cost million billion"
            + " percent year week month today yesterday morning evening night early late new old first last").split(" ");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EntityManagerFactory entityManagers;
    private final Clock clock;
    private final ConfigurableApplicationContext context;
    private final long count;
    private final Random random = new Random(8);
    private final String[] vocabulary;

    ArchiveGenerator(JdbcTemplate jdbc, TransactionTemplate transaction, EntityManagerFactory entityManagers,
            Clock clock, Environment environment, ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.entityManagers = entityManagers;
        this.clock = clock;
        this.count = Long.parseLong(environment.getRequiredProperty("broadsheet.generate"));
        this.vocabulary = vocabulary();
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
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
        Search.mapping(entityManagers).scope(Article.class).massIndexer()
                .threadsToLoadObjects(2).batchSizeToLoadObjects(200).startAndWait();
        log.info("Search index built for all stories in {} s", seconds(System.nanoTime() - inserted));
        // A generating run does nothing else: it ends here rather than going on to serve.
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private Object[] article(long id, Instant published, long[] sections) {
        String headline = capitalised(words(6 + random.nextInt(8)));
        String standfirst = capitalised(words(18 + random.nextInt(20))) + ".";
        String status = random.nextInt(100) < 2 ? "DRAFT" : random.nextInt(100) < 1 ? "ARCHIVED" : "PUBLISHED";
        OffsetDateTime at = OffsetDateTime.ofInstant(published, ZoneOffset.UTC);
        // Section sizes fall off: the first sections carry most stories, as World and Politics do.
        long section = sections[Math.min(sections.length - 1, (int) Math.abs(random.nextGaussian() * 2.5))];
        return new Object[] {id, Slugs.of(headline, 180) + "-" + id, headline, standfirst, body(), standfirst,
                "By " + capitalised(words(2)), capitalised(words(1)).replace(".", ""), section, status,
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

    private String body() {
        // Log-normal word count: median about 600, rarely under 250 or over 1,800.
        int words = (int) Math.max(250, Math.min(1800, Math.exp(6.4 + random.nextGaussian() * 0.45)));
        StringBuilder body = new StringBuilder(words * 7);
        while (words > 0) {
            int paragraph = Math.min(words, 40 + random.nextInt(60));
            int left = paragraph;
            while (left > 0) {
                int sentence = Math.min(left, 8 + random.nextInt(18));
                body.append(capitalised(words(sentence))).append(". ");
                left -= sentence;
            }
            body.setLength(body.length() - 1);
            body.append("\n\n");
            words -= paragraph;
        }
        return body.toString().strip();
    }

    private String words(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
        Random pick = new Random(300);
        while (names.size() < TAGS) {
            names.add(capitalised(vocabulary[pick.nextInt(vocabulary.length)]) + " "
                    + capitalised(vocabulary[pick.nextInt(vocabulary.length)]));
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

    /** Words as a newspaper uses them: the seeded report's (with their real frequencies) and a newsroom list. */
    private static String[] vocabulary() {
        try (InputStream in = ArchiveGenerator.class.getClassLoader()
                .getResourceAsStream("seed/afghanistan-report.txt")) {
            String report = new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            List<String> words = new ArrayList<>(Arrays.stream(report.split("[^\\p{L}]+"))
                    .filter(word -> word.length() > 1).toList());
            words.addAll(Arrays.asList(NEWSROOM_WORDS));
            words.addAll(Arrays.asList(NEWSROOM_WORDS));
            return words.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
