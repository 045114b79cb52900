package io.broadsheet.search;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import io.broadsheet.system.PageNumber;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The reader's search page: the form, and the results of {@code ?q=...}, ten at a time. A search takes its turn
 * ({@link SearchTurns}) before its transaction starts, so a waiting search holds no database connection. When a
 * turn is free it searches at once, on the request's own thread; otherwise the request is set aside (an
 * asynchronous request, holding none of the web server's threads) until its turn comes and the search has run on
 * one of the turns' threads. One that got no turn within {@link SearchProperties#waitForTurn()}, or found as many
 * waiting as may wait, gets a 503 page that says so, its words still in the form.
 */
@Controller
class SearchController {

    /** What the busy page suggests in {@code Retry-After}, in seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** How long a search, once its turn came, may take before the reader is answered 503 (Spring's timeout). */
    static final long SEARCH_TIME_LIMIT_MILLIS = 60_000;

    private final SiteSearch search;
    private final SearchTurns turns;
    private final long timeoutMillis;

    SearchController(SiteSearch search, SearchTurns turns, SearchProperties properties) {
        this.search = search;
        this.turns = turns;
        this.timeoutMillis = properties.waitForTurn().toMillis() + SEARCH_TIME_LIMIT_MILLIS;
    }

    /** The view's name, or a {@link DeferredResult} of it for a search waiting its turn. */
    @GetMapping("/search")
    Object search(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", required = false) String page, Model model, HttpServletResponse response) {
        PageNumber pageNumber = PageNumber.parse(page);
        SiteSearch.Query query = SiteSearch.Query.of(q);
        if (query.isEmpty()) { // the form without words is no search
            model.addAttribute("results", search.search(q, pageNumber));
            return "search/results";
        }
        CompletableFuture<Void> turn = turns.take();
        if (turn == null) {
            return busy(query, model, response);
        }
        if (turn.isDone()) { // free at once, or handed over or timed out already
            return turn.isCompletedExceptionally() ? busy(query, model, response) : searchInTurn(q, pageNumber, model);
        }
        DeferredResult<String> answer = new DeferredResult<>(timeoutMillis);
        // a reader who left (or a request that timed out) gives up its place
        answer.onCompletion(() -> turn.cancel(false));
        turn.whenComplete((given, failure) -> {
            if (failure != null) {
                // no turn in time; nothing to answer when the request is over already (its reader left)
                if (!answer.isSetOrExpired()) {
                    answer.setResult(busy(query, model, response));
                }
                return;
            }
            try {
                turns.searches().execute(() -> {
                    if (answer.isSetOrExpired()) { // the reader left while waiting: no search for nobody
                        turns.giveBack();
                        return;
                    }
                    try {
                        answer.setResult(searchInTurn(q, pageNumber, model));
                    } catch (RuntimeException e) {
                        answer.setErrorResult(e);
                    }
                });
            } catch (RejectedExecutionException e) { // the site is stopping
                turns.giveBack();
                answer.setErrorResult(e);
            }
        });
        return answer;
    }

    /** Searches in a turn {@link SearchTurns#take()} gave, and gives it back. */
    private String searchInTurn(String q, PageNumber page, Model model) {
        try {
            model.addAttribute("results", search.search(q, page));
        } finally {
            turns.giveBack();
        }
        return "search/results";
    }

    private static String busy(SiteSearch.Query query, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("query", query);
        return "search/busy";
    }
}
