package io.broadsheet.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.broadsheet.article.Article;
import io.broadsheet.security.StaffRole;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestPostgres;
import io.broadsheet.support.TestStaff;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export from the site (H2), import into an empty PostgreSQL, export again: the two files hold the same content,
 * except that imported staff are disabled, and no password hash ever leaves the database.
 */
@SiteTest
@ExtendWith(TestPostgres.Available.class)
class BackupRoundTripTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TestArticles articles;

    @Autowired
    TestStaff staff;

    static DataSource emptyPostgres() {
        DataSource target = new DriverManagerDataSource(TestPostgres.newDatabase(), TestPostgres.username(), "");
        // The schema only: SQL migrations, without the Java one that seeds the first story.
        Flyway.configure().dataSource(target).locations("classpath:db/migration").load().migrate();
        return target;
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<Map<String, Object>>> tables(Path file) {
        return (Map<String, List<Map<String, Object>>>) JsonMapper.builder().build().readValue(file.toFile(), Map.class)
                .get("tables");
    }

    @Test
    void everythingSurvivesARoundTripFromH2ToPostgresExceptPasswords() throws Exception {
        String editor = staff.create(StaffRole.EDITOR);
        Article story = articles.publish("Backup: a story with tags and history", "Backup Desk",
                Instant.parse("2024-03-03T03:03:03.123456Z"), "Backup Tag One", "Backup Tag Two");
        JdbcTemplate site = new JdbcTemplate(dataSource);
        site.update("insert into article_revision (article_id, number, saved_by, saved_at, slug, headline, body,"
                + " section_name, tag_names, status) values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)", story.getId(), editor,
                java.time.OffsetDateTime.parse("2024-03-03T03:03:03Z"), story.getSlug(), story.getHeadline(),
                "Body as first saved — with “quotes” and کابل", "Backup Desk", "Backup Tag One, Backup Tag Two",
                "PUBLISHED");
        site.update("insert into article_slug_alias (slug, article_id) values (?, ?)", "backup-old-slug",
                story.getId());

        Path first = Files.createTempFile("broadsheet-backup", ".json");
        Path second = Files.createTempFile("broadsheet-backup", ".json");
        new ContentBackup(dataSource, passwords).exportTo(first);
        assertThat(Files.readString(first)).doesNotContain("password_hash", "{bcrypt}", "$2a$");

        DataSource target = emptyPostgres();
        new ContentBackup(target, passwords).importFrom(first);
        new ContentBackup(target, passwords).exportTo(second);

        var before = tables(first);
        var after = tables(second);
        assertThat(before.keySet()).containsExactly("section", "tag", "staff", "article", "article_tag",
                "article_revision", "article_slug_alias", "weather_reading");
        for (String table : before.keySet()) {
            assertThat(before.get(table)).as(table).isNotEmpty();
            if (!table.equals("staff")) {
                assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
            }
        }
        assertThat(after.get("staff")).hasSameSizeAs(before.get("staff"));
        for (int i = 0; i < before.get("staff").size(); i++) {
            Map<String, Object> was = before.get("staff").get(i);
            Map<String, Object> is = after.get("staff").get(i);
            assertThat(is).containsEntry("enabled", false);
            assertThat(is).usingRecursiveComparison().ignoringFields("enabled").isEqualTo(was);
        }
        assertThat(after.get("article")).anySatisfy(row -> assertThat(row)
                .containsEntry("slug", story.getSlug()).containsEntry("published_at", "2024-03-03T03:03:03.123456Z"));

        // New rows after the import get fresh ids, past the imported ones.
        JdbcTemplate copy = new JdbcTemplate(target);
        long maxTag = copy.queryForObject("select max(id) from tag", Long.class);
        copy.update("insert into tag (slug, name) values ('backup-after-import', 'After import')");
        assertThat(copy.queryForObject("select id from tag where slug = 'backup-after-import'", Long.class))
                .isGreaterThan(maxTag);
    }

    @Test
    void importRefusesADatabaseWithContentAndAFileThatIsNotABackup() throws Exception {
        Path backup = Files.createTempFile("broadsheet-backup", ".json");
        new ContentBackup(dataSource, passwords).exportTo(backup);
        assertThatThrownBy(() -> new ContentBackup(dataSource, passwords).importFrom(backup))
                .isInstanceOf(ContentBackup.ImportRefused.class).hasMessageContaining("already has content");

        Path notABackup = Files.createTempFile("not-a-backup", ".json");
        Files.writeString(notABackup, "{\"hello\": 1}");
        assertThatThrownBy(() -> new ContentBackup(emptyPostgres(), passwords).importFrom(notABackup))
                .isInstanceOf(ContentBackup.ImportRefused.class).hasMessageContaining("not a Broadsheet backup");
    }
}
