package io.broadsheet.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.broadsheet.section.Slugs;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2: the paper's first story, the Afghanistan report in {@code seed/afghanistan-report.txt},
 * kept verbatim in that file. Its non-blank lines are: the masthead's weather, the masthead's date, the
 * headline, sixteen body paragraphs and the heading of the related-news sidebar.
 */
@Component
class SeedReportMigration implements JavaMigration {

    static final String RESOURCE = "seed/afghanistan-report.txt";
    static final Instant PUBLISHED_AT = Instant.parse("2021-08-13T10:00:00Z");
    static final Instant WEATHER_OBSERVED_AT = Instant.parse("2023-11-29T07:00:00Z");
    static final List<String> TAGS = List.of("Afghanistan", "Taliban", "Kabul", "Kandahar", "Herat");

    record Report(String weather, String date, String headline, List<String> paragraphs) {

        static Report parse(String text) {
            List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
            return new Report(lines.get(0), lines.get(1), lines.get(2), lines.subList(3, 19));
        }

        String markdownBody() {
            return String.join("\n\n", paragraphs);
        }

        String temperatureCelsius() {
            return weather.replace("C", "").strip();
        }
    }

    static Report report() {
        try (InputStream in = SeedReportMigration.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return Report.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Report report = report();
        Connection db = context.getConnection();
        long section = insert(db, "insert into section (slug, name) values (?, ?)", "world", "World");
        OffsetDateTime published = OffsetDateTime.ofInstant(PUBLISHED_AT, ZoneOffset.UTC);
        String body = report.markdownBody();
        long article = insert(db, """
                insert into article (slug, headline, body, summary, section_id, status, published_at, created_at,
                                     updated_at, version)
                values (?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, 0)""",
                Slugs.of(report.headline(), 200), report.headline(), body, Summaries.of(null, body), section,
                published, published, published);
        for (String name : TAGS) {
            long tag = insert(db, "insert into tag (slug, name) values (?, ?)", Slugs.of(name), name);
            link(db, article, tag);
        }
        insert(db, """
                insert into weather_reading (location_name, temperature_celsius, condition, observed_at)
                values (?, ?, null, ?)""",
                "Kabul", new BigDecimal(report.temperatureCelsius()),
                OffsetDateTime.ofInstant(WEATHER_OBSERVED_AT, ZoneOffset.UTC));
    }

    private static long insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql, new String[] {"id"})) {
            bind(statement, values).executeUpdate();
            try (var keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void link(Connection db, long article, long tag) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(
                "insert into article_tag (article_id, tag_id) values (?, ?)")) {
            bind(statement, article, tag).executeUpdate();
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "seed the Afghanistan report";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
