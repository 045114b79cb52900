package io.broadsheet.caching;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;
import org.springframework.http.HttpHeaders;

/**
 * Replays a kept page ({@link PageSnapshots}) from the web application's Tomcat pipeline, before Tomcat looks up
 * the servlet and builds the request's filter chain: on a replayed page, the filter chain's making and walking
 * cost more than the lookup and the answer. Everything that is not a kept page goes on as before, to the filters,
 * where {@link PageSnapshots} renders, keeps, and makes readers wait for a page being rendered.
 *
 * <p>The kept headers (the ETag and the language among them) go to Tomcat as the bytes they are sent as, encoded
 * once when the page was kept, and the Date as the bytes of Tomcat's own text for the second, made once a second:
 * Tomcat otherwise encodes each header name and value of each answer anew, with a new character encoder every time.
 * With the ETag, the language and the Date as bytes too, a replayed story page left a quarter less garbage (young
 * collections per 100,000 answers: 21 to 16 sent as they are, 26 to 18 gzipped).
 *
 * <p>It runs after Tomcat's engine valves (the forwarded-header and access-log valves), so a replay is logged and
 * knows whether the reader came over HTTPS as before.
 */
class SnapshotReplayValve extends ValveBase {

    private final PageSnapshots snapshots;
    /** The Date header of the current second, as Tomcat would send it. */
    private volatile PageSnapshots.Header date = new PageSnapshots.Header(HttpHeaders.DATE, "");

    SnapshotReplayValve(PageSnapshots snapshots) {
        // asynchronous requests (none of which it answers) pass through it
        super(true);
        this.snapshots = snapshots;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
        if (!snapshots.replayIfKept(request, response, new PageSnapshots.HeaderOut() {
            @Override
            public void add(PageSnapshots.Header header) {
                headers.addValue(header.nameBytes(), 0, header.nameBytes().length)
                        .setBytes(header.valueBytes(), 0, header.valueBytes().length);
            }

            @Override
            public void addDate() {
                // Tomcat adds a Date only to an answer that has none
                add(currentDate());
            }
        })) {
            getNext().invoke(request, response);
        }
    }

    /** Tomcat's Date for this second (the text it would send), encoded once a second. */
    private PageSnapshots.Header currentDate() {
        String now = FastHttpDateFormat.getCurrentDate();
        PageSnapshots.Header sent = date;
        if (!sent.value().equals(now)) {
            sent = new PageSnapshots.Header(HttpHeaders.DATE, now);
            date = sent;
        }
        return sent;
    }
}
