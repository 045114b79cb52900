package io.broadsheet.search;

import io.broadsheet.system.PageNumber;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reader's search page: the form, and the results of {@code ?q=...}, ten at a time. */
@Controller
class SearchController {

    private final SiteSearch search;

    SearchController(SiteSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", required = false) String page, Model model) {
        SiteSearch.Results results = search.search(q, PageNumber.parse(page));
        model.addAttribute("results", results);
        return "search/results";
    }
}
