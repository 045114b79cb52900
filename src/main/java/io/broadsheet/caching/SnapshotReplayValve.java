package io.broadsheet.caching;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Replays a kept page ({@link PageSnapshots}) from the web application's Tomcat pipeline, before Tomcat looks up
 * the servlet and builds the request's filter chain: on a replayed page, the filter chain's making and walking
 * cost more than the lookup and the answer. Everything that is not a kept page goes on as before, to the filters,
 * where {@link PageSnapshots} renders, keeps, and makes readers wait for a page being rendered.
 *
 * <p>The kept headers go to Tomcat as the bytes they are sent as, encoded once when the page was kept: Tomcat
 * otherwise encodes each header value of each answer anew (with a new character encoder every time).
 *
 * <p>It runs after Tomcat's engine valves (the forwarded-header and access-log valves), so a replay is logged and
 * knows whether the reader came over HTTPS as before.
 */
class SnapshotReplayValve extends ValveBase {

    private final PageSnapshots snapshots;

    SnapshotReplayValve(PageSnapshots snapshots) {
        // asynchronous requests (none of which it answers) pass through it
        super(true);
        this.snapshots = snapshots;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
        if (!snapshots.replayIfKept(request, response, header -> headers
                .addValue(header.nameBytes(), 0, header.nameBytes().length)
                .setBytes(header.valueBytes(), 0, header.valueBytes().length))) {
            getNext().invoke(request, response);
        }
    }
}
