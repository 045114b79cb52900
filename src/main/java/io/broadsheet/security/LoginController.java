package io.broadsheet.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. Its fields keep Spring Security's standard names, username and password. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String error, HttpSession session, Model model) {
        if (error != null) {
            Object reason = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("problem", reason instanceof LoginPausedException ? "login.paused"
                    : reason instanceof DisabledException ? "login.disabled" : "login.wrong");
        }
        if (session.getAttribute(UnsavedForm.SESSION_KEY) != null) {
            model.addAttribute("unsaved", true);
        }
        return "security/login";
    }
}
