package io.broadsheet.security;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's staff page: accounts, roles, disabling, password resets and sign-in pauses. ADMIN only, by
 * the rule on its paths in {@link SecurityConfiguration}.
 */
@Controller
@RequestMapping("/admin/staff")
class StaffController {

    private final StaffAccounts accounts;
    private final LoginThrottle throttle;

    StaffController(StaffAccounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("staffForm")) {
            model.addAttribute("staffForm", StaffForm.empty());
        }
        model.addAttribute("staff", accounts.all());
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("pauses", throttle.activePauses());
        return "security/staff";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("staffForm") StaffForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("password") && !StaffAccounts.isStorable(form.password())) {
            errors.rejectValue("password", "password.bytes");
        }
        if (!errors.hasErrors()) {
            try {
                accounts.create(form.username(), form.displayName().strip(), form.role(), form.password());
                redirect.addFlashAttribute("notice", "staff.created");
                redirect.addFlashAttribute("noticeArgument", form.username());
                return "redirect:/admin/staff";
            } catch (StaffAccounts.StaffChangeRefused taken) {
                errors.rejectValue("username", "staff.username.taken");
            }
        }
        return list(model);
    }

    @PostMapping("/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam StaffRole role, RedirectAttributes redirect) {
        return attempt(() -> accounts.changeRole(id, role), "staff.role.changed", id, redirect);
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        return attempt(() -> accounts.setEnabled(id, false), "staff.disabled", id, redirect);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return attempt(() -> accounts.setEnabled(id, true), "staff.enabled", id, redirect);
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        String password = accounts.resetPassword(id);
        redirect.addFlashAttribute("notice", "staff.password.reset");
        redirect.addFlashAttribute("noticeArgument", accounts.get(id).username());
        redirect.addFlashAttribute("newPassword", password);
        return "redirect:/admin/staff";
    }

    @PostMapping("/pauses/lift")
    String lift(@RequestParam String subject, RedirectAttributes redirect) {
        throttle.lift(subject);
        redirect.addFlashAttribute("notice", "staff.pause.lifted");
        redirect.addFlashAttribute("noticeArgument", subject.substring(subject.indexOf(':') + 1));
        return "redirect:/admin/staff";
    }

    private String attempt(Runnable change, String notice, long id, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (StaffAccounts.StaffChangeRefused refused) {
            redirect.addFlashAttribute("notice", "staff.refused.lastAdmin");
        }
        redirect.addFlashAttribute("noticeArgument", accounts.get(id).username());
        return "redirect:/admin/staff";
    }
}
