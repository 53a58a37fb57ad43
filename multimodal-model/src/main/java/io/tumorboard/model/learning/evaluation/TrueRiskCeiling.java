package io.tumorboard.model.learning.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a demo cohort's own survival model scores on the held-out cases: the ceiling no learned model can pass
 * (apart from chance), and the same model without the pathology-text-only findings (lymphovascular invasion,
 * positive margin), so a report shows how much room each modality leaves. Read from the generator's truth:
 * {@code survival-model.json} (Weibull shape ρ and scale λ) and each site's {@code patients.jsonl} (every
 * patient's true linear predictor η, with and without the pathology findings). The true survival curve is
 * S(t) = exp(−λ t^ρ e^η) on the model's interval grid, so calibration and Brier score have their ceiling too.
 */
public final class TrueRiskCeiling {

    public static final String TRUE = "truth: linear predictor (ceiling)";
    public static final String WITHOUT_PATHOLOGY = "truth: linear predictor without pathology findings";

    private final double rho;
    private final double lambda;
    /** Case key to {η, η without pathology findings}. */
    private final Map<String, double[]> linearPredictors;

    TrueRiskCeiling(double rho, double lambda, Map<String, double[]> linearPredictors) {
        this.rho = rho;
        this.lambda = lambda;
        this.linearPredictors = linearPredictors;
    }

    /** The ceiling of the cohort whose truth folder this is; empty when it has no survival model (not a demo cohort). */
    public static Optional<TrueRiskCeiling> read(Path truthDir) {
        Path model = truthDir.resolve("survival-model.json");
        if (!Files.isRegularFile(model)) {
            return Optional.empty();
        }
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> walk = Files.walk(truthDir)) {
            JsonNode weibull = mapper.readTree(model.toFile());
            Map<String, double[]> byCase = new HashMap<>();
            for (Path file : walk.filter(p -> p.getFileName().toString().equals("patients.jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        JsonNode p = mapper.readTree(line);
                        byCase.put(p.path("caseKey").asText(), new double[] {p.path("linearPredictor").asDouble(),
                                p.path("linearPredictorWithoutPathologyFindings").asDouble()});
                    }
                }
            }
            return byCase.isEmpty() ? Optional.empty() : Optional.of(new TrueRiskCeiling(
                    weibull.path("rho").asDouble(), weibull.path("lambda").asDouble(), byCase));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cohort truth under " + truthDir, e);
        }
    }

    /**
     * The two truth rows for exactly the cases of {@code heldOut} (same cases, same order, so the bootstrap
     * draws the same resamples); a case the truth does not know is left out of both.
     */
    public Map<String, List<EvaluatedCase>> rows(List<EvaluatedCase> heldOut, SurvivalIntervals grid) {
        Map<String, List<EvaluatedCase>> rows = new LinkedHashMap<>();
        rows.put(TRUE, new ArrayList<>());
        rows.put(WITHOUT_PATHOLOGY, new ArrayList<>());
        for (EvaluatedCase c : heldOut) {
            double[] eta = linearPredictors.get(c.caseKey());
            if (eta != null) {
                rows.get(TRUE).add(withCurve(c, curve(eta[0], grid)));
                rows.get(WITHOUT_PATHOLOGY).add(withCurve(c, curve(eta[1], grid)));
            }
        }
        return rows;
    }

    double[] curve(double eta, SurvivalIntervals grid) {
        double[] survival = new double[grid.count()];
        for (int k = 0; k < survival.length; k++) {
            survival[k] = Math.exp(-lambda * Math.pow(grid.endDays(k), rho) * Math.exp(eta));
        }
        return survival;
    }

    private static EvaluatedCase withCurve(EvaluatedCase c, double[] survival) {
        return new EvaluatedCase(c.caseKey(), c.timeDays(), c.death(), c.site(), c.sex(), c.ageBand(), survival);
    }
}
