package io.tumorboard.board.flag;

import io.tumorboard.board.store.CaseStore;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Acknowledge or dismiss a flag from the case page. */
@Controller
class FlagController {

    private final CaseStore store;
    private final FlagReviews reviews;

    FlagController(CaseStore store, FlagReviews reviews) {
        this.store = store;
        this.reviews = reviews;
    }

    @PostMapping("/cases/{key}/flags/review")
    String review(@PathVariable String key, @RequestParam String flagId, @RequestParam FlagReviewOutcome outcome,
            @RequestParam String reason, @RequestParam(required = false) Long meeting, Principal principal,
            RedirectAttributes redirect) {
        reviews.review(store.current(key), flagId, outcome, reason, principal.getName());
        redirect.addFlashAttribute("notice", "Flag " + flagId + " " + outcome.name().toLowerCase() + ".");
        return "redirect:/cases/" + key + (meeting == null ? "" : "?meeting=" + meeting) + "#flags";
    }
}
