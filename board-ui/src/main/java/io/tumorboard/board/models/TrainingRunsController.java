package io.tumorboard.board.models;

import io.tumorboard.board.web.RecordNotFoundException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The training runs: each run's configuration and status, and its per-round, per-site metrics. */
@Controller
class TrainingRunsController {

    private final ModelRegistry registry;
    private final TrainingRuns runs;

    TrainingRunsController(ModelRegistry registry, TrainingRuns runs) {
        this.registry = registry;
        this.runs = runs;
    }

    @GetMapping("/training-runs")
    String runs(Model model) {
        model.addAttribute("registryPath", registry.root().toString());
        model.addAttribute("runs", runs.runs());
        return "training-runs";
    }

    @GetMapping("/training-runs/{run}")
    String run(@PathVariable String run, Model model) {
        TrainingRun found = runs.run(run).orElseThrow(() -> new RecordNotFoundException("training run", run));
        List<RoundMetric> metrics = runs.metrics(run);
        model.addAttribute("run", found);
        model.addAttribute("chart", RunChart.of(metrics));
        model.addAttribute("versions", registry.versions().stream()
                .filter(v -> v.version().startsWith(run + "/")).toList());
        return "training-run";
    }
}
