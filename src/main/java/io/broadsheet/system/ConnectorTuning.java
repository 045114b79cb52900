package io.broadsheet.system;

import org.apache.coyote.http11.Http11Nio2Protocol;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's connector: the NIO2 endpoint, and socket buffers sized so that a whole reader page leaves in one write.
 *
 * <p>With Tomcat's default NIO endpoint, its poller thread registers each connection's interest with a selector,
 * and hands every readable connection to a worker thread; with the NIO2 endpoint the JDK's asynchronous channels
 * watch the connections (one event thread) and run each completed read's handler on a worker thread, with less of
 * Tomcat's own bookkeeping per request. On a replayed page, where that per-request work is most of the cost, it
 * took about 12% less CPU per page (see the README's Performance section).
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
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> nio2Endpoint() {
        return factory -> factory.setProtocol(Http11Nio2Protocol.class.getName());
    }

    @Bean
    TomcatConnectorCustomizer onePageOneWrite() {
        return connector -> {
            connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER_BYTES));
            connector.setProperty("socket.directBuffer", "true");
        };
    }
}
