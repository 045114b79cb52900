package io.broadsheet.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.broadsheet.support.TestPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link DatabaseOutageTest} on PostgreSQL: a new database on the tests' server, reached through the proxy. */
@ExtendWith(TestPostgres.Available.class)
class DatabaseOutagePostgresTest extends DatabaseOutageTest {

    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

    private String databaseUrl;

    @Override
    int startDatabase() {
        databaseUrl = TestPostgres.newDatabase();
        Matcher server = HOST_AND_PORT.matcher(databaseUrl);
        if (!server.find()) {
            throw new IllegalStateException("no host and port in " + databaseUrl);
        }
        return Integer.parseInt(server.group(2));
    }

    @Override
    List<String> databaseArguments(int proxyPort) {
        return List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + HOST_AND_PORT.matcher(databaseUrl).replaceFirst("//localhost:" + proxyPort + "/"),
                "--spring.datasource.username=" + TestPostgres.username(),
                "--spring.datasource.password=");
    }

    @Override
    void stopDatabase() {
        // the tests' PostgreSQL server is shared and stops with the JVM
    }

    @Override
    String name() {
        return "postgres";
    }
}
