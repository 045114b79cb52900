package io.broadsheet.backup;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * All content as one portable JSON file: sections, tags, staff (without password hashes), articles with their
 * tags, revisions, old slugs and weather readings, table by table, column by column, with dates as ISO-8601
 * instants and decimals as text, so a file from H2 loads into PostgreSQL and back. Not in the file: sessions,
 * login-throttling state and job locks (all short-lived), and the search index (rebuilt from the database).
 */
public class ContentBackup {

    static final String FORMAT = "broadsheet-backup";
    static final int VERSION = 1;

    private record Table(String name, String orderBy, boolean identity) {
    }

    /** In the order they can be loaded: every table after the ones it refers to. */
    private static final List<Table> TABLES = List.of(
            new Table("section", "id", true),
            new Table("tag", "id", true),
            new Table("staff", "id", true),
            new Table("article", "id", true),
            new Table("article_tag", "article_id, tag_id", false),
            new Table("article_revision", "id", true),
            new Table("article_slug_alias", "slug", false),
            new Table("weather_reading", "id", true));

    private static final String SECRET_COLUMN = "password_hash";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwords;
    private final JsonMapper json = JsonMapper.builder().build();

    public ContentBackup(DataSource dataSource, PasswordEncoder passwords) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.passwords = passwords;
    }

    /** What was written: rows per table. */
    public record Counts(Map<String, Integer> rows) {
    }

    public Counts exportTo(Path file) {
        Map<String, Object> tables = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        transaction.executeWithoutResult(status -> {
            for (Table table : TABLES) {
                List<Map<String, Object>> rows = jdbc.query("select * from " + table.name() + " order by "
                        + table.orderBy(), (rs, n) -> row(rs));
                tables.put(table.name(), rows);
                counts.put(table.name(), rows.size());
            }
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("tables", tables);
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
        return new Counts(counts);
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase();
            if (column.equals(SECRET_COLUMN)) {
                continue;
            }
            Object value = switch (kind(meta.getColumnType(i), meta.getColumnTypeName(i))) {
                case TIME -> {
                    OffsetDateTime time = rs.getObject(i, OffsetDateTime.class);
                    yield time == null ? null : time.toInstant().toString();
                }
                case DECIMAL -> {
                    BigDecimal number = rs.getBigDecimal(i);
                    yield number == null ? null : number.toPlainString();
                }
                case WHOLE -> {
                    long number = rs.getLong(i);
                    yield rs.wasNull() ? null : number;
                }
                case YES_NO -> {
                    boolean flag = rs.getBoolean(i);
                    yield rs.wasNull() ? null : flag;
                }
                case TEXT -> rs.getString(i);
            };
            row.put(column, value);
        }
        return row;
    }

    private enum Kind { TIME, DECIMAL, WHOLE, YES_NO, TEXT }

    private static Kind kind(int sqlType, String typeName) {
        return switch (sqlType) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIME;
            case Types.NUMERIC, Types.DECIMAL -> Kind.DECIMAL;
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Kind.WHOLE;
            case Types.BOOLEAN, Types.BIT -> Kind.YES_NO;
            default -> typeName.toLowerCase().startsWith("timestamp") ? Kind.TIME : Kind.TEXT;
        };
    }

    /** Refused: the file is not a backup, or the database already holds someone's work. */
    public static class ImportRefused extends RuntimeException {
        ImportRefused(String reason) {
            super(reason);
        }
    }

    /**
     * Loads a backup into a database that holds nothing but what the migrations put there (the seeded report):
     * that is removed, then every row goes in with its id, in one transaction. Staff come in disabled, with a
     * random password nobody knows.
     */
    @SuppressWarnings("unchecked")
    public Counts importFrom(Path file) {
        Map<String, Object> document = json.readValue(file.toFile(), Map.class);
        if (!FORMAT.equals(document.get("format")) || !(document.get("tables") instanceof Map)) {
            throw new ImportRefused(file + " is not a Broadsheet backup");
        }
        if (!Integer.valueOf(VERSION).equals(document.get("version"))) {
            throw new ImportRefused(file + " is a backup of version " + document.get("version")
                    + "; this build reads version " + VERSION);
        }
        Map<String, List<Map<String, Object>>> tables = (Map<String, List<Map<String, Object>>>) document.get("tables");
        Map<String, Integer> counts = new LinkedHashMap<>();
        transaction.executeWithoutResult(status -> {
            refuseUnlessEmpty();
            for (int i = TABLES.size() - 1; i >= 0; i--) {
                jdbc.update("delete from " + TABLES.get(i).name());
            }
            String unusable = unusablePassword();
            for (Table table : TABLES) {
                List<Map<String, Object>> rows = tables.getOrDefault(table.name(), List.of());
                load(table, rows, unusable);
                counts.put(table.name(), rows.size());
            }
        });
        return new Counts(counts);
    }

    private void refuseUnlessEmpty() {
        Integer staff = jdbc.queryForObject("select count(*) from staff", Integer.class);
        Integer articles = jdbc.queryForObject("select count(*) from article", Integer.class);
        Integer revisions = jdbc.queryForObject("select count(*) from article_revision", Integer.class);
        if (staff > 0 || revisions > 0 || articles > 1) {
            throw new ImportRefused("the database already has content (" + staff + " staff, " + articles
                    + " articles, " + revisions + " revisions): import only into a new, empty instance");
        }
    }

    private void load(Table table, List<Map<String, Object>> rows, String unusablePassword) {
        Map<String, Integer> types = new LinkedHashMap<>();
        Map<String, String> typeNames = new LinkedHashMap<>();
        jdbc.query("select * from " + table.name() + " where 1 = 0", (ResultSet rs) -> {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnLabel(i).toLowerCase(), meta.getColumnType(i));
                typeNames.put(meta.getColumnLabel(i).toLowerCase(), meta.getColumnTypeName(i));
            }
            return null;
        });
        List<String> columns = new ArrayList<>(types.keySet());
        String sql = "insert into " + table.name() + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        List<Object[]> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object[] one = new Object[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i);
                Object value = column.equals(SECRET_COLUMN) ? unusablePassword : row.get(column);
                if (column.equals("enabled") && table.name().equals("staff")) {
                    value = false;
                }
                one[i] = convert(value, kind(types.get(column), typeNames.get(column)));
            }
            values.add(one);
        }
        if (!values.isEmpty()) {
            jdbc.batchUpdate(sql, values);
        }
        if (table.identity()) {
            Long max = jdbc.queryForObject("select coalesce(max(id), 0) from " + table.name(), Long.class);
            // Portable: H2 and PostgreSQL both restart an identity column this way.
            jdbc.execute("alter table " + table.name() + " alter column id restart with " + (max + 1));
        }
    }

    private String unusablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return passwords.encode(Base64.getEncoder().encodeToString(bytes));
    }

    private static Object convert(Object value, Kind kind) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case TIME -> OffsetDateTime.ofInstant(Instant.parse(value.toString()), ZoneOffset.UTC);
            case DECIMAL -> new BigDecimal(value.toString());
            case WHOLE -> ((Number) value).longValue();
            case YES_NO -> (Boolean) value;
            case TEXT -> value.toString();
        };
    }
}
