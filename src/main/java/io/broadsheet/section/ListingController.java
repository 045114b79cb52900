package io.broadsheet.section;

import io.broadsheet.article.ArticleListings;
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

    private final SectionRepository sections;
    private final TagRepository tags;
    private final ArticleListings listings;

    ListingController(SectionRepository sections, TagRepository tags, ArticleListings listings) {
        this.sections = sections;
        this.tags = tags;
        this.listings = listings;
    }

    @GetMapping("/sections/{slug}")
    String section(@PathVariable String slug, @RequestParam(name = "page", required = false) String page,
            Model model) {
        Section section = sections.findBySlug(checked(slug)).orElseThrow(() -> new NotFoundException("No section"));
        PageNumber number = PageNumber.parse(page);
        model.addAttribute("heading", section.getName());
        model.addAttribute("kind", "section");
        model.addAttribute("basePath", "/sections/" + section.getSlug());
        model.addAttribute("listing", listings.latestInSection(section.getSlug(), number));
        return "sections/listing";
    }

    @GetMapping("/tags/{slug}")
    String tag(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        Tag tag = tags.findBySlug(checked(slug)).orElseThrow(() -> new NotFoundException("No tag"));
        PageNumber number = PageNumber.parse(page);
        model.addAttribute("heading", tag.getName());
        model.addAttribute("kind", "tag");
        model.addAttribute("basePath", "/tags/" + tag.getSlug());
        model.addAttribute("listing", listings.latestWithTag(tag.getSlug(), number));
        return "sections/listing";
    }

    private static String checked(String slug) {
        if (slug.length() > 100 || !Slugs.isValid(slug)) {
            throw new NotFoundException("No such page");
        }
        return slug;
    }
}
