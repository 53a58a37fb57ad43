package io.tumorboard.board.users;

import io.tumorboard.board.security.BoardUsers;
import io.tumorboard.board.security.PasswordChange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every signed-in user's own password page. */
@Controller
class OwnPasswordController {

    private final OwnPassword ownPassword;

    OwnPasswordController(OwnPassword ownPassword) {
        this.ownPassword = ownPassword;
    }

    @GetMapping("/account/password")
    String form(Model model, Authentication authentication) {
        model.addAttribute("minPasswordLength", BoardUsers.MIN_PASSWORD_LENGTH);
        model.addAttribute("changeRequired", PasswordChange.due(authentication));
        return "account-password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeated, Principal principal, RedirectAttributes redirect,
            HttpServletRequest request, HttpServletResponse response) {
        ownPassword.change(principal.getName(), current, password, repeated);
        if (PasswordChange.due(SecurityContextHolder.getContext().getAuthentication())) {
            PasswordChange.done(request, response);
            redirect.addFlashAttribute("notice", "Your password is changed; the workbench is open to you.");
            return "redirect:/";
        }
        redirect.addFlashAttribute("notice", "Your password is changed. Use it from your next sign-in.");
        return "redirect:/account/password";
    }
}
