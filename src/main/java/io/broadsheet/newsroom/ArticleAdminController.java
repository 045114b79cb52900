package io.broadsheet.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleListings;
import io.broadsheet.article.ArticleRow;
import io.broadsheet.article.ArticleStore;
import io.broadsheet.article.ArticleStore.StateFilter;
import io.broadsheet.section.Slugs;
import io.broadsheet.section.Taxonomy;
import io.broadsheet.security.SignedInStaff;
import io.broadsheet.security.StaffAccounts;
import io.broadsheet.security.UnsavedForm;
import io.broadsheet.system.BadRequestException;
import io.broadsheet.system.PageNumber;
import io.broadsheet.system.SiteDates;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The newsroom's article list and the article form: new, edit, preview, save, publish, schedule. */
@Controller
@RequestMapping("/admin")
class ArticleAdminController {

    private final NewsroomArticles newsroom;
    private final ArticleStore store;
    private final ArticleListings listings;
    private final Taxonomy taxonomy;
    private final StaffAccounts staff;
    private final SiteDates dates;

    ArticleAdminController(NewsroomArticles newsroom, ArticleStore store, ArticleListings listings,
            Taxonomy taxonomy, StaffAccounts staff, SiteDates dates) {
        this.newsroom = newsroom;
        this.store = store;
        this.listings = listings;
        this.taxonomy = taxonomy;
        this.staff = staff;
        this.dates = dates;
    }

    @GetMapping({"", "/"})
    String home() {
        return "redirect:/admin/articles";
    }

    @GetMapping("/articles")
    String list(@RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "q", required = false) String words,
            @RequestParam(name = "page", required = false) String page, Model model) {
        StateFilter filter = parseState(status);
        String query = words == null ? "" : words.strip();
        if (query.length() > 200) {
            throw new BadRequestException("search words too long");
        }
        PageNumber number = PageNumber.parse(page);
        List<ArticleRow> rows = store.list(filter, query, number.index());
        boolean hasOlder = rows.size() > ArticleStore.PAGE_SIZE;
        List<ArticleRow> shown = hasOlder ? rows.subList(0, ArticleStore.PAGE_SIZE) : rows;
        model.addAttribute("rows", shown);
        model.addAttribute("authors", staff.displayNames(shown.stream().map(ArticleRow::authorId)
                .filter(Objects::nonNull).distinct().toList()));
        model.addAttribute("now", dates.now());
        model.addAttribute("status", filter == null ? "" : filter.name().toLowerCase(Locale.ROOT));
        model.addAttribute("q", query);
        model.addAttribute("page", number);
        model.addAttribute("hasOlder", hasOlder);
        return "newsroom/articles";
    }

    @GetMapping("/articles/new")
    String newArticle(Model model) {
        return form(model, ArticleForm.empty(), null, null);
    }

    @GetMapping("/articles/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal SignedInStaff me, Model model) {
        Article article = newsroom.editable(id, me);
        return form(model, newsroom.formOf(article), article, null);
    }

    /** What an editor posted after their session expired, back in the form after they signed in again. */
    @GetMapping("/articles/recovered")
    String recovered(HttpSession session, @AuthenticationPrincipal SignedInStaff me, Model model) {
        UnsavedForm unsaved = UnsavedForm.takeFrom(session);
        if (unsaved == null) {
            return "redirect:/admin/articles";
        }
        ArticleForm form = RecoveredForms.articleForm(unsaved);
        Long id = RecoveredForms.articleId(unsaved.path());
        Article article = id == null ? null : newsroom.editable(id, me);
        model.addAttribute("notice", "article.recovered");
        return form(model, form, article, null);
    }

    @PostMapping("/articles")
    String create(@Valid @ModelAttribute("form") ArticleForm form, BindingResult errors,
            @RequestParam(name = "action", defaultValue = "save") String action,
            @AuthenticationPrincipal SignedInStaff me, Model model, RedirectAttributes redirect) {
        return submit(null, form, errors, action, me, model, redirect);
    }

    @PostMapping("/articles/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ArticleForm form, BindingResult errors,
            @RequestParam(name = "action", defaultValue = "save") String action,
            @AuthenticationPrincipal SignedInStaff me, Model model, RedirectAttributes redirect) {
        return submit(id, form, errors, action, me, model, redirect);
    }

    @PostMapping("/articles/{id}/unpublish")
    String unpublish(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal SignedInStaff me,
            Model model, RedirectAttributes redirect) {
        return outcome(id, null, newsroom.unpublish(id, version, me), me, model, redirect);
    }

    @PostMapping("/articles/{id}/archive")
    String archive(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal SignedInStaff me,
            Model model, RedirectAttributes redirect) {
        return outcome(id, null, newsroom.archive(id, version, me), me, model, redirect);
    }

    private String submit(Long id, ArticleForm form, BindingResult errors, String action, SignedInStaff me,
            Model model, RedirectAttributes redirect) {
        Article article = id == null ? null : newsroom.editable(id, me);
        if (!form.isPublishAtReadable() && !errors.hasFieldErrors("publishAt")) {
            errors.rejectValue("publishAt", "article.publishAt.invalid");
        }
        switch (action) {
            case "edit" -> {
                return form(model, form, article, null);
            }
            case "preview" -> {
                if (errors.hasErrors()) {
                    return form(model, form, article, null);
                }
                return preview(model, form, article);
            }
            case "save", "publish" -> {
                if (errors.hasErrors()) {
                    return form(model, form, article, null);
                }
                NewsroomArticles.Action what = action.equals("publish") ? NewsroomArticles.Action.PUBLISH
                        : NewsroomArticles.Action.SAVE;
                SaveOutcome result;
                try {
                    result = id == null ? newsroom.create(form, what, me) : newsroom.update(id, form, what, me);
                } catch (ConcurrencyFailureException | UnexpectedRollbackException raced) {
                    result = newsroom.currentConflict(id);
                } catch (DataIntegrityViolationException slugRace) {
                    result = new SaveOutcome.FieldProblem("slug", "article.slug.taken");
                }
                if (result instanceof SaveOutcome.FieldProblem problem) {
                    errors.rejectValue(problem.field(), problem.messageKey());
                    return form(model, form, article, null);
                }
                return outcome(id, form, result, me, model, redirect);
            }
            default -> throw new BadRequestException("Unknown action " + action);
        }
    }

    private String outcome(Long id, ArticleForm yours, SaveOutcome result, SignedInStaff me, Model model,
            RedirectAttributes redirect) {
        if (result instanceof SaveOutcome.Saved saved) {
            redirect.addFlashAttribute("notice", "article.saved." + saved.state());
            return "redirect:/admin/articles/" + saved.articleId() + "/edit";
        }
        if (result instanceof SaveOutcome.Conflict conflict) {
            Article article = newsroom.editable(id, me);
            ArticleForm mine = yours == null ? conflict.theirs() : yours.withVersion(conflict.currentVersion());
            model.addAttribute("theirs", conflict.theirs());
            model.addAttribute("savedBy", conflict.savedBy());
            model.addAttribute("savedAt", conflict.savedAt());
            model.addAttribute("notice", "article.conflict");
            return form(model, mine, article, "newsroom/conflict");
        }
        throw new IllegalStateException("Unexpected outcome " + result);
    }

    private String form(Model model, ArticleForm form, Article article, String template) {
        // Putting an equal form again would drop the binding result, and with it the errors to show.
        if (!form.equals(model.getAttribute("form"))) {
            model.addAttribute("form", form);
        }
        model.addAttribute("articleId", article == null ? null : article.getId());
        model.addAttribute("state", article == null ? "new" : newsroom.stateOf(article));
        model.addAttribute("publicPath", article == null ? null : "/articles/" + article.getSlug());
        model.addAttribute("sections", taxonomy.sectionNames());
        model.addAttribute("scheduling", form.publishTime() != null
                && form.publishTime().atZone(dates.zone()).toInstant().isAfter(dates.now()));
        model.addAttribute("timeZone", dates.zone().getId());
        return template == null ? "newsroom/form" : template;
    }

    private String preview(Model model, ArticleForm form, Article article) {
        Instant now = dates.now();
        Instant publishAt = form.publishTime() != null ? form.publishTime().atZone(dates.zone()).toInstant()
                : article != null && article.getPublishedAt() != null ? article.getPublishedAt() : now;
        String slug = form.slug() == null || form.slug().isBlank() ? Slugs.of(form.headline(), 190) : form.slug();
        model.addAttribute("article", ArticlePreview.of(form, slug, publishAt,
                article != null && article.getPublishedAt() != null ? now : null));
        model.addAttribute("related", article == null ? List.of()
                : listings.relatedTo(article));
        model.addAttribute("preview", true);
        model.addAttribute("form", form);
        model.addAttribute("articleId", article == null ? null : article.getId());
        model.addAttribute("scheduling", publishAt.isAfter(now));
        return "articles/article";
    }

    private static StateFilter parseState(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return StateFilter.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new BadRequestException("Unknown status " + status);
        }
    }
}
