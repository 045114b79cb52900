package io.broadsheet.system;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's socket buffers, sized so that a whole reader page leaves in one write.
 *
 * <p>Tomcat copies an answer into a write buffer of 8 KB per connection: a story page of 12 KB then left in two
 * system calls, each its own TCP segment, and each a copy from the heap into a direct buffer the JDK allocates for
 * the call. With a 32 KB direct buffer the headers and the page go in one write, as a web server sends a file.
 * The cost is 32 KB of memory outside the heap per open connection, kept for reuse once a connection closes
 * ({@code socket.bufferPool}, Tomcat's default).
 */
@Configuration(proxyBeanMethods = false)
class ConnectorTuning {

    static final int WRITE_BUFFER_BYTES = 32 * 1024;

    @Bean
    TomcatConnectorCustomizer onePageOneWrite() {
        return connector -> {
            connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER_BYTES));
            connector.setProperty("socket.directBuffer", "true");
        };
    }
}
