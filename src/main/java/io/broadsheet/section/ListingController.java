package io.broadsheet.section;

import io.broadsheet.article.ArticleListings;
import io.broadsheet.article.Listing;
import io.broadsheet.section.SectionDirectory.SectionLink;
import io.broadsheet.section.TopicDirectory.Topic;
import io.broadsheet.sharing.PageMeta;
import io.broadsheet.sharing.PageMetas;
import io.broadsheet.system.NotFoundException;
import io.broadsheet.system.PageNumber;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A section's and a tag's page: their newest stories, twenty at a time. */
@Controller
class ListingController {

    private final SectionDirectory sections;
    private final TopicDirectory topics;
    private final ArticleListings listings;
    private final PageMetas metas;

    ListingController(SectionDirectory sections, TopicDirectory topics, ArticleListings listings, PageMetas metas) {
        this.sections = sections;
        this.topics = topics;
        this.listings = listings;
        this.metas = metas;
    }

    @GetMapping("/sections/{slug}")
    String section(@PathVariable String slug, @RequestParam(name = "page", required = false) String page,
            Model model) {
        SectionLink section = sections.bySlug(checked(slug)).orElseThrow(() -> new NotFoundException("No section"));
        PageNumber number = PageNumber.parse(page);
        model.addAttribute("heading", section.name());
        model.addAttribute("kind", "section");
        model.addAttribute("basePath", "/sections/" + section.slug());
        Listing listing = listings.latestInSection(section.slug(), number);
        model.addAttribute("listing", listing);
        model.addAttribute("pageMeta", pageMeta(section.name(), "/sections/" + section.slug(), listing));
        return "sections/listing";
    }

    @GetMapping("/tags/{slug}")
    String tag(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        Topic tag = topics.tag(checked(slug)).orElseThrow(() -> new NotFoundException("No tag"));
        PageNumber number = PageNumber.parse(page);
        model.addAttribute("heading", tag.name());
        model.addAttribute("kind", "tag");
        model.addAttribute("basePath", tag.path());
        Listing listing = listings.latestWithTag(tag.slug(), number);
        model.addAttribute("listing", listing);
        model.addAttribute("pageMeta", pageMeta(tag.name(), tag.path(), listing));
        return "sections/listing";
    }

    private PageMeta pageMeta(String heading, String basePath, Listing listing) {
        return metas.listing(heading, metas.listingDescription(heading), basePath, listing.page().value(),
                listing.hasNewer(), listing.hasOlder(), basePath + "/feed.xml");
    }

    private static String checked(String slug) {
        if (slug.length() > 100 || !Slugs.isValid(slug)) {
            throw new NotFoundException("No such page");
        }
        return slug;
    }
}
