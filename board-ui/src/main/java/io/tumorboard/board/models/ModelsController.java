package io.tumorboard.board.models;

import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The models page (versions, lineage, cards) and the promote action. */
@Controller
class ModelsController {

    private final ModelRegistry registry;
    private final ModelPromotion promotion;

    ModelsController(ModelRegistry registry, ModelPromotion promotion) {
        this.registry = registry;
        this.promotion = promotion;
    }

    @GetMapping("/models")
    String models(Model model) {
        List<ModelVersionEntry> versions = registry.versions();
        String pointer = registry.promoted().orElse(null);
        model.addAttribute("registryPath", registry.root().toString());
        model.addAttribute("registryExists", registry.exists());
        model.addAttribute("versions", versions);
        model.addAttribute("promoted", pointer);
        model.addAttribute("promotedMissing", pointer != null
                && versions.stream().noneMatch(v -> v.version().equals(pointer)));
        return "models";
    }

    @PostMapping("/models/promote")
    String promote(@RequestParam String version, Principal principal, RedirectAttributes redirect) {
        promotion.promote(version, principal.getName());
        redirect.addFlashAttribute("notice", "Model version " + version + " is promoted: the model panel uses it from now on.");
        return "redirect:/models#" + ModelVersionEntry.anchorOf(version);
    }
}
