package io.broadsheet.article;

import io.broadsheet.section.Slugs;
import io.broadsheet.sharing.PageMetas;
import io.broadsheet.system.NotFoundException;
import io.broadsheet.system.PageNumber;
import io.broadsheet.system.SiteProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The reader's front page and article pages. */
@Controller
class ArticleController {

    private final ArticleListings listings;
    private final ArticleSharing sharing;
    private final PageMetas metas;
    private final SiteProperties site;

    ArticleController(ArticleListings listings, ArticleSharing sharing, PageMetas metas, SiteProperties site) {
        this.listings = listings;
        this.sharing = sharing;
        this.metas = metas;
        this.site = site;
    }

    @GetMapping("/")
    String frontPage(@RequestParam(name = "page", required = false) String page, Model model) {
        Listing listing = listings.latest(PageNumber.parse(page));
        model.addAttribute("listing", listing);
        model.addAttribute("lead", listing.page().isFirst() && !listing.isEmpty() ? listing.items().get(0) : null);
        model.addAttribute("latest", listing.page().isFirst() && !listing.isEmpty()
                ? listing.items().subList(1, listing.items().size()) : listing.items());
        model.addAttribute("pageMeta", metas.listing(site.name(), metas.siteDescription(), "/",
                listing.page().value(), listing.hasNewer(), listing.hasOlder(), null));
        return "articles/front";
    }

    @GetMapping("/articles/{slug}")
    ModelAndView article(@PathVariable String slug) {
        if (slug.length() > 200 || !Slugs.isValid(slug)) {
            throw new NotFoundException("No article " + slug);
        }
        return listings.article(slug)
                .map(page -> new ModelAndView("articles/article")
                        .addObject("article", page.article())
                        .addObject("related", page.related())
                        .addObject("pageMeta", sharing.of(page.article())))
                .or(() -> listings.currentSlugFor(slug).map(ArticleController::movedPermanently))
                .orElseThrow(() -> new NotFoundException("No article " + slug));
    }

    private static ModelAndView movedPermanently(String currentSlug) {
        RedirectView redirect = new RedirectView("/articles/" + currentSlug);
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        return new ModelAndView(redirect);
    }
}
