package io.broadsheet.system;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.h2.tools.Server;

/**
 * {@link DatabaseOutageTest} on H2, served by H2's own TCP server so that the connection can be cut (the embedded
 * file mode has no connection to lose), with the same compatibility flags as the default URL.
 */
class DatabaseOutageH2Test extends DatabaseOutageTest {

    private Server server;

    @Override
    int startDatabase() throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "database-outage-h2-");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir",
                folder.toAbsolutePath().toString()).start();
        return server.getPort();
    }

    @Override
    List<String> databaseArguments(int proxyPort) {
        return List.of("--spring.datasource.url=jdbc:h2:tcp://localhost:" + proxyPort
                + "/broadsheet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Override
    void stopDatabase() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    String name() {
        return "h2";
    }
}
