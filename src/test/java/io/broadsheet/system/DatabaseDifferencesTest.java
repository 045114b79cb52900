package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleRepository;
import io.broadsheet.article.ArticleRow;
import io.broadsheet.article.ArticleStatus;
import io.broadsheet.article.ArticleStore;
import io.broadsheet.support.TestArticles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What H2 and PostgreSQL could do differently, run on both ({@link DatabaseDifferencesH2Test}, {@link DatabaseDifferencesPostgresTest}): case-insensitive
 * headline search, identity columns, timestamps with time zone, long and non-Latin text.
 */
abstract class DatabaseDifferencesTest {

    @Autowired
    TestArticles articles;

    @Autowired
    ArticleRepository repository;

    @Autowired
    ArticleStore store;

    @Autowired
    DataSource dataSource;

    abstract String expectedDatabase();

    @Test
    void runsOnTheDatabaseItSaysItDoes() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expectedDatabase());
        }
    }

    @Test
    void headlineSearchIgnoresCaseAlsoBeyondAscii() {
        articles.save("Differences: Überschwemmung in ZÜRICH", "Differences Desk", ArticleStatus.DRAFT,
                Instant.parse("2024-02-01T08:00:00Z"));
        articles.save("Differences: Herat FLOODS recede", "Differences Desk", ArticleStatus.DRAFT,
                Instant.parse("2024-02-01T08:00:00Z"));

        assertThat(headlines("differences herat floods")).containsExactly("Differences: Herat FLOODS recede");
        assertThat(headlines("DIFFERENCES: überschwemmung zürich"))
                .containsExactly("Differences: Überschwemmung in ZÜRICH");
        assertThat(headlines("differences 100%_")).isEmpty();
    }

    @Test
    void identityColumnsGiveIncreasingIdsAndTakeExplicitOnesWhenRestarted() {
        Article first = articles.save("Differences identity one", "Differences Desk", ArticleStatus.DRAFT,
                Instant.parse("2024-02-01T08:00:00Z"));
        Article second = articles.save("Differences identity two", "Differences Desk", ArticleStatus.DRAFT,
                Instant.parse("2024-02-01T08:00:00Z"));
        assertThat(second.getId()).isGreaterThan(first.getId());

        // What a restore does: rows come in with their ids, then the identity moves past them.
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long far = second.getId() + 1000;
        jdbc.update("insert into tag (id, slug, name) values (?, ?, ?)", far, "differences-far-" + far, "Far");
        jdbc.execute("alter table tag alter column id restart with " + (far + 1));
        jdbc.update("insert into tag (slug, name) values (?, ?)", "differences-next-" + far, "Next");
        assertThat(jdbc.queryForObject("select id from tag where slug = ?", Long.class, "differences-next-" + far))
                .isEqualTo(far + 1);
    }

    @Test
    void timestampsKeepTheInstantToTheMicrosecond() {
        Instant published = Instant.parse("2024-07-31T23:59:58.123456Z");
        Article saved = articles.save("Differences timestamps", "Differences Desk", ArticleStatus.PUBLISHED,
                published);
        Article loaded = repository.findById(saved.getId()).orElseThrow();
        assertThat(loaded.getPublishedAt()).isEqualTo(published);
        Instant fromSql = new JdbcTemplate(dataSource).queryForObject(
                "select published_at from article where id = ?", java.time.OffsetDateTime.class, saved.getId())
                .toInstant();
        assertThat(fromSql).isEqualTo(published);
    }

    @Test
    void longBodiesInAnyScriptComeBackUnchanged() {
        Article saved = articles.save("Differences long text", "Differences Desk", ArticleStatus.DRAFT,
                Instant.parse("2024-02-01T08:00:00Z"));
        String body = "Kabul کابل 喀布尔 Кабул — “quoted” \uD83D\uDCF0 ".repeat(5_000);
        saved.setBody(body);
        articles.update(saved);
        assertThat(repository.findById(saved.getId()).orElseThrow().getBody()).isEqualTo(body);
        assertThat(body.length()).isGreaterThan(150_000);
    }

    private List<String> headlines(String words) {
        List<String> found = new ArrayList<>();
        for (ArticleRow row : store.list(null, words, 0)) {
            found.add(row.headline());
        }
        return found;
    }
}
