package io.tumorboard.board.users;

import io.tumorboard.board.security.BoardRole;
import io.tumorboard.board.security.BoardUsers;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's users page and its actions; a refused action is answered by the one error page (400 or 404). */
@Controller
class UsersController {

    private final BoardUsers users;
    private final UserAdministration administration;

    UsersController(BoardUsers users, UserAdministration administration) {
        this.users = users;
        this.administration = administration;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("accounts", users.accounts());
        model.addAttribute("roles", BoardRole.values());
        model.addAttribute("minPasswordLength", BoardUsers.MIN_PASSWORD_LENGTH);
        return "users";
    }

    @PostMapping("/admin/users")
    String create(NewUser form, Principal principal, RedirectAttributes redirect) {
        administration.create(form, principal.getName());
        return done(redirect, "User " + form.username().strip() + " is created as " + form.role()
                + ". Hand the first password over in person.");
    }

    @PostMapping("/admin/users/{username}/role")
    String role(@PathVariable String username, @RequestParam BoardRole role, Principal principal,
            RedirectAttributes redirect) {
        administration.changeRole(username, role, principal.getName());
        return done(redirect, "User " + username + " now has the role " + role + ".");
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
        administration.disable(username, principal.getName());
        return done(redirect, "User " + username + " is disabled and signed out.");
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
        administration.enable(username, principal.getName());
        return done(redirect, "User " + username + " may sign in again.");
    }

    @PostMapping("/admin/users/{username}/password")
    String password(@PathVariable String username, @RequestParam String password, Principal principal,
            RedirectAttributes redirect) {
        administration.resetPassword(username, password, principal.getName());
        return done(redirect, "The password of " + username + " is reset. Hand it over in person.");
    }

    private static String done(RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/users";
    }
}
