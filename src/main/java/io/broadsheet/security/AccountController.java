package io.broadsheet.security;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every member of staff can change their own password. */
@Controller
class AccountController {

    private final StaffAccounts accounts;

    AccountController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/account/password")
    String form(Model model) {
        model.addAttribute("passwordForm", PasswordForm.empty());
        return "security/password";
    }

    @PostMapping("/admin/account/password")
    String change(@AuthenticationPrincipal SignedInStaff me, @Valid @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword") && !StaffAccounts.isStorable(form.newPassword())) {
            errors.rejectValue("newPassword", "password.bytes");
        }
        if (!errors.hasErrors()
                && !accounts.changeOwnPassword(me.getUsername(), form.currentPassword(), form.newPassword())) {
            errors.rejectValue("currentPassword", "password.current.wrong");
        }
        if (errors.hasErrors()) {
            return "security/password";
        }
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:/admin/account/password";
    }
}
