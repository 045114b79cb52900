package io.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for an Elasticsearch 8 server (OkHttp's MockWebServer), just enough for Hibernate Search's
 * Elasticsearch backend to start, create its index, index in bulk and search: the version probe, index existence
 * and creation, cluster health, {@code _bulk} (every action succeeds) and {@code _search} (no hits). It keeps every
 * request it is sent, and can be told to fail every search, as an unreachable cluster would.
 *
 * <p>As a context initializer it starts (once per test JVM) and points {@code BROADSHEET_SEARCH_HOSTS} at itself.
 */
public class FakeElasticsearch implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** One request as the fake saw it. */
    public record Request(String method, String path, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private static volatile boolean searchFails;
    private static MockWebServer server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("BROADSHEET_SEARCH_HOSTS=localhost:" + start()).applyTo(context);
    }

    static synchronized int start() {
        if (server == null) {
            server = new MockWebServer();
            server.setDispatcher(new Answers());
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server.getPort();
    }

    static List<Request> requests() {
        return List.copyOf(REQUESTS);
    }

    static void failSearches(boolean fail) {
        searchFails = fail;
    }

    private static final class Answers extends Dispatcher {

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            REQUESTS.add(new Request(request.getMethod(), path, body));
            if (path.equals("/")) {
                return json(200, """
                        {"name":"fake","cluster_name":"broadsheet-test","version":{"number":"8.15.0",
                         "build_flavor":"default","lucene_version":"9.11.1"},"tagline":"You Know, for Search"}""");
            }
            if (path.startsWith("/_cluster/health")) {
                return json(200, "{\"cluster_name\":\"broadsheet-test\",\"status\":\"green\",\"timed_out\":false}");
            }
            if (path.endsWith("/_bulk")) {
                return json(200, bulkAnswer(body));
            }
            if (path.endsWith("/_search")) {
                return searchFails
                        ? json(503, "{\"error\":{\"type\":\"unavailable\",\"reason\":\"fake outage\"},\"status\":503}")
                        : json(200, """
                                {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
                                 "hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""");
            }
            if (path.endsWith("/_refresh")) {
                return json(200, "{\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}}");
            }
            if (request.getMethod().equals("PUT")) {
                // the index with its settings, mapping and aliases
                return json(200, "{\"acknowledged\":true,\"shards_acknowledged\":true,\"index\":\"" + path.substring(1)
                        + "\"}");
            }
            // any other request asks for the metadata of the index's aliases (ignoring missing ones): none yet
            return json(200, "{}");
        }
    }

    /** Every action of the bulk request succeeded. */
    private static String bulkAnswer(String ndjson) {
        StringBuilder items = new StringBuilder();
        for (String line : ndjson.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            String action = node.propertyNames().iterator().next();
            if (!List.of("index", "create", "update", "delete").contains(action)) {
                continue; // a document, after its "index" line
            }
            JsonNode target = node.get(action);
            if (!items.isEmpty()) {
                items.append(',');
            }
            items.append("{\"").append(action).append("\":{\"_index\":\"")
                    .append(target.path("_index").asString("article-000001")).append("\",\"_id\":\"")
                    .append(target.path("_id").asString()).append("\",\"_version\":1,\"result\":\"")
                    .append(action.equals("delete") ? "deleted" : "created")
                    .append("\",\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},\"status\":")
                    .append(action.equals("delete") ? 200 : 201).append("}}");
        }
        return "{\"took\":1,\"errors\":false,\"items\":[" + items + "]}";
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body)
                .build();
    }
}
