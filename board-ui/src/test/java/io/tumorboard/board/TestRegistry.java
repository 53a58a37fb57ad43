package io.tumorboard.board;

import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.FusionModel;
import io.tumorboard.model.learning.ModelCard;
import io.tumorboard.model.learning.ModelPackage;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.TrainingConfig;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.features.FeaturePipeline;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A model registry as the federation writes it (registry contract): run {@value #RUN} with {@code run.json},
 * {@code metrics.jsonl} (two sites and "global", train and evaluate, two rounds) and two round folders, each
 * with a real {@link ModelPackage} (a tiny network trained on the learning module's synthetic cohort) and its
 * {@code lineage.json}. Nothing is promoted. The package is trained once per JVM and copied.
 */
public final class TestRegistry {

    public static final String RUN = "fedavg-2026-12-01";
    public static final String ROUND_1 = RUN + "/round-0001";
    public static final String ROUND_2 = RUN + "/round-0002";
    public static final ModelSpec TINY = new ModelSpec(8, 4, ModelSpec.Fusion.GATED, EnumSet.allOf(Modality.class),
            0.1, 0.25, new SurvivalIntervals(10, 5 * 365), 3L);

    private static Path trained;
    private static List<PatientCase> cohort;

    private TestRegistry() {
    }

    /** The synthetic cohort the package was trained on (its first 100 cases). */
    public static synchronized List<PatientCase> cohort() {
        if (cohort == null) {
            cohort = new SyntheticCohort(5).cases(120, List.of("site-a", "site-b"));
        }
        return cohort;
    }

    /** A real model package, trained on first use. */
    public static synchronized Path modelPackage() {
        if (trained == null) {
            try {
                List<PatientCase> cases = cohort();
                FusionModel model = FusionModel.create(TINY, FeaturePipeline.fit(cases.subList(0, 100)));
                model.train(cases.subList(0, 100), TrainingConfig.local(2).withValidation(cases.subList(100, 120)));
                trained = Files.createTempFile("board-test-model", ".zip");
                ModelPackage.save(model, new ModelCard("research use only", List.of("synthetic training data"),
                        new ModelCard.TrainingData(100, 30, Map.of("site-a", 50, "site-b", 50), 700.0, Map.of()),
                        "20 synthetic cases", Map.of(), List.of()), trained);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return trained;
    }

    /** Writes the run into {@code root} (created if needed), replacing what the run's folder held. */
    public static void write(Path root) {
        try {
            Path run = Files.createDirectories(root.resolve(RUN));
            Files.writeString(run.resolve("run.json"), """
                    {"run": "%s", "status": "COMPLETED", "started": "2026-12-01T08:00:00Z",
                     "finished": "2026-12-01T08:20:00Z", "sites": ["site-a", "site-b"],
                     "configuration": {"strategy": "FED_AVG", "rounds": 2, "localEpochs": 1, "minSites": 2,
                                       "dp": {"epsilon": 8.0}}}
                    """.formatted(RUN));
            StringBuilder metrics = new StringBuilder();
            for (int round = 1; round <= 2; round++) {
                for (String site : List.of("site-a", "site-b")) {
                    metrics.append(line(round, site, "train", 50, "\"loss\": %.3f".formatted(1.2 - 0.2 * round)));
                    metrics.append(line(round, site, "evaluate", 10, "\"c_index\": %.3f".formatted(0.55 + 0.05 * round)));
                }
                metrics.append(line(round, "global", "evaluate", 20, "\"c_index\": %.3f".formatted(0.56 + 0.05 * round)));
                metrics.append("{\"type\": \"round\", \"run\": \"" + RUN + "\", \"round\": " + round + "}\n");
            }
            Files.writeString(run.resolve("metrics.jsonl"), metrics);
            for (int round = 1; round <= 2; round++) {
                Path dir = Files.createDirectories(run.resolve("round-%04d".formatted(round)));
                Files.copy(modelPackage(), dir.resolve("model.zip"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(dir.resolve("lineage.json"), """
                        {"run": "%s", "round": %d, "strategy": "FED_AVG", "configDigest": "sha256:5e1f0c",
                         "sites": ["site-a", "site-b"],
                         "metrics": {"site-a": {"kind": "EVALUATE", "examples": 10, "c_index": 0.6},
                                     "site-b": {"kind": "EVALUATE", "examples": 10, "c_index": 0.62}},
                         "weightsSha256": "ab12cd34", "parent": %s}
                        """.formatted(RUN, round, round == 1 ? "null" : "\"" + RUN + "/round-0001\""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test registry in " + root, e);
        }
    }

    private static String line(int round, String site, String phase, int examples, String metrics) {
        return "{\"run\": \"%s\", \"round\": %d, \"site\": \"%s\", \"phase\": \"%s\", \"examples\": %d, \"metrics\": {%s}}\n"
                .formatted(RUN, round, site, phase, examples, metrics);
    }
}
