package io.broadsheet.search;

import io.broadsheet.system.PageNumber;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reader's search page: the form, and the results of {@code ?q=...}, ten at a time. A search takes its turn
 * ({@link SearchTurns}) before its transaction starts, so a waiting search holds no database connection; one that
 * got no turn within {@link SearchProperties#waitForTurn()} gets a 503 page that says so, its words still in the form.
 */
@Controller
class SearchController {

    /** What the busy page suggests in {@code Retry-After}, in seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final SiteSearch search;
    private final SearchTurns turns;

    SearchController(SiteSearch search, SearchTurns turns) {
        this.search = search;
        this.turns = turns;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", required = false) String page, Model model, HttpServletResponse response)
            throws InterruptedException {
        PageNumber pageNumber = PageNumber.parse(page);
        SiteSearch.Query query = SiteSearch.Query.of(q);
        boolean searching = !query.isEmpty(); // the form without words is no search
        if (searching && !turns.take()) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("query", query);
            return "search/busy";
        }
        try {
            model.addAttribute("results", search.search(q, pageNumber));
        } finally {
            if (searching) {
                turns.giveBack();
            }
        }
        return "search/results";
    }
}
