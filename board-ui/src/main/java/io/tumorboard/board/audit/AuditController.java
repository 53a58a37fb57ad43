package io.tumorboard.board.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's view of the audit log: the newest 500 events. */
@Controller
class AuditController {

    private static final int PAGE = 500;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("events", trail.latest(PAGE));
        return "audit";
    }
}
