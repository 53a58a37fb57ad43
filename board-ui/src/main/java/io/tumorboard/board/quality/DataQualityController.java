package io.tumorboard.board.quality;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The data-quality page. */
@Controller
class DataQualityController {

    private final DataQualityRepository repository;

    DataQualityController(DataQualityRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/data-quality")
    String page(Model model) {
        model.addAttribute("totals", repository.totalsPerSite());
        model.addAttribute("runs", repository.runs());
        model.addAttribute("deadLetters", repository.deadLetters());
        model.addAttribute("skipped", repository.skipped());
        return "data-quality";
    }
}
