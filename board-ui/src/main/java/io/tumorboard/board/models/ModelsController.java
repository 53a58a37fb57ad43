package io.tumorboard.board.models;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The models page. */
@Controller
class ModelsController {

    private final ModelRegistry registry;

    ModelsController(ModelRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/models")
    String models(Model model) {
        List<ModelVersionEntry> versions = registry.versions();
        model.addAttribute("registryPath", registry.root().toAbsolutePath().toString());
        model.addAttribute("registryExists", registry.exists());
        model.addAttribute("versions", versions);
        model.addAttribute("promoted", registry.promoted().orElse(null));
        model.addAttribute("promotedMissing", registry.promoted()
                .filter(p -> versions.stream().noneMatch(v -> v.version().equals(p))).isPresent());
        return "models";
    }
}
