package io.broadsheet.newsroom;

import io.broadsheet.security.SignedInStaff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A story's revisions: the list, a diff of any revision against the current text, and restoring one. */
@Controller
@RequestMapping("/admin/articles/{id}/history")
class HistoryController {

    private final NewsroomArticles newsroom;

    HistoryController(NewsroomArticles newsroom) {
        this.newsroom = newsroom;
    }

    @GetMapping
    String history(@PathVariable long id, @AuthenticationPrincipal SignedInStaff me, Model model) {
        var article = newsroom.editable(id, me);
        model.addAttribute("articleId", id);
        model.addAttribute("headline", article.getHeadline());
        model.addAttribute("revisions", newsroom.history(id, me));
        return "newsroom/history";
    }

    @GetMapping("/{number}")
    String revision(@PathVariable long id, @PathVariable int number, @AuthenticationPrincipal SignedInStaff me,
            Model model) {
        var article = newsroom.editable(id, me);
        var revision = newsroom.revision(id, number);
        model.addAttribute("articleId", id);
        model.addAttribute("headline", article.getHeadline());
        model.addAttribute("revision", revision);
        model.addAttribute("version", article.getVersion());
        model.addAttribute("diff", RevisionDiff.between(revision.snapshot(), ArticleSnapshot.of(article)));
        return "newsroom/revision";
    }

    @PostMapping("/{number}/restore")
    String restore(@PathVariable long id, @PathVariable int number, @RequestParam long version,
            @AuthenticationPrincipal SignedInStaff me, RedirectAttributes redirect) {
        SaveOutcome outcome = newsroom.restore(id, number, version, me);
        if (outcome instanceof SaveOutcome.Conflict) {
            redirect.addFlashAttribute("notice", "article.restore.stale");
            return "redirect:/admin/articles/" + id + "/history/" + number;
        }
        redirect.addFlashAttribute("notice", "article.restored");
        redirect.addFlashAttribute("noticeArgument", number);
        return "redirect:/admin/articles/" + id + "/edit";
    }
}
