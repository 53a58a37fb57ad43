package io.tumorboard.model.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a board member must know before trusting a number from this model: what it is for, what it was
 * trained on, how well it did on cases it had not seen, how well calibrated it is, and where it must not be
 * used. Travels in the package manifest and is rendered as Markdown beside it.
 *
 * @param intendedUse the use the model was built and evaluated for
 * @param limits known limits and conditions under which its output must not be used
 * @param training summary of the training data (counts only, no patient-level data)
 * @param evaluation what the metrics were measured on
 * @param metrics metric name to estimate with its bootstrap 95% interval
 * @param calibration observed vs predicted risk by predicted-risk group at the calibration horizon
 */
public record ModelCard(String intendedUse, List<String> limits, TrainingData training, String evaluation,
                        Map<String, Estimate> metrics, List<CalibrationGroup> calibration) {

    @JsonCreator
    public ModelCard(@JsonProperty("intendedUse") String intendedUse, @JsonProperty("limits") List<String> limits,
                     @JsonProperty("training") TrainingData training, @JsonProperty("evaluation") String evaluation,
                     @JsonProperty("metrics") Map<String, Estimate> metrics,
                     @JsonProperty("calibration") List<CalibrationGroup> calibration) {
        this.intendedUse = intendedUse;
        this.limits = List.copyOf(limits);
        this.training = training;
        this.evaluation = evaluation;
        this.metrics = metrics == null ? Map.of() : new java.util.TreeMap<>(metrics);
        this.calibration = calibration == null ? List.of() : List.copyOf(calibration);
    }

    /**
     * Counts describing the training data.
     *
     * @param cases training cases
     * @param events deaths among them
     * @param sites cases per site
     * @param medianFollowUpDays median follow-up, days
     * @param modalityCounts cases with each modality present
     */
    public record TrainingData(int cases, int events, Map<String, Integer> sites, double medianFollowUpDays,
                               Map<String, Integer> modalityCounts) {
    }

    /**
     * A metric's point estimate and percentile-bootstrap 95% interval.
     *
     * @param value on all evaluation cases
     * @param low 2.5th percentile over bootstrap resamples
     * @param high 97.5th percentile over bootstrap resamples
     */
    public record Estimate(double value, double low, double high) {
    }

    /**
     * One predicted-risk group of the calibration table: held-out cases sorted by predicted risk at the calibration
     * horizon and cut into equal-size groups. The group's range lets a reader place a new case in it (the lowest
     * predicted risk of each group is the threshold between it and the group below).
     *
     * @param cases cases in the group
     * @param predictedRisk mean predicted probability of death by the horizon
     * @param observedRisk 1 − Kaplan–Meier survival at the horizon within the group
     * @param lowestPredictedRisk the lowest predicted risk in the group; null in packages written before it was kept
     * @param highestPredictedRisk the highest predicted risk in the group; null likewise
     */
    public record CalibrationGroup(int cases, double predictedRisk, double observedRisk, Double lowestPredictedRisk,
                                   Double highestPredictedRisk) {

        /** Whether the group's range of predicted risk is known (packages written before it was kept lack it). */
        public boolean hasRange() {
            return lowestPredictedRisk != null && highestPredictedRisk != null;
        }
    }

    /** The card as Markdown, for a reader without tools. */
    public String toMarkdown(String title, ModelSpec spec) {
        StringBuilder md = new StringBuilder("# Model card: ").append(title).append("\n\n");
        md.append("## Intended use\n\n").append(intendedUse).append("\n\n");
        md.append("## Limits: do not use the output when\n\n");
        limits.forEach(limit -> md.append("- ").append(limit).append('\n'));
        md.append("\n## Model\n\n").append(String.format("Fusion: %s of %s; survival over %d intervals to %d days; "
                + "MC dropout %.2f; modality dropout %.2f in training.%n%n", spec.fusion(), spec.modalities(),
                spec.intervals().count(), spec.intervals().horizonDays(), spec.dropout(), spec.modalityDropout()));
        md.append("## Training data\n\n").append(String.format("%d cases, %d deaths, median follow-up %.0f days.%n",
                training.cases(), training.events(), training.medianFollowUpDays()));
        md.append("Sites: ").append(training.sites()).append(". Modalities present: ")
                .append(training.modalityCounts()).append(".\n\n");
        md.append("## Performance\n\n").append(evaluation).append("\n\n| metric | value | 95% CI |\n|---|---|---|\n");
        metrics.forEach((name, e) -> md.append(String.format("| %s | %.3f | %.3f – %.3f |%n", name, e.value(),
                e.low(), e.high())));
        if (!calibration.isEmpty()) {
            md.append("\n## Calibration\n\nHeld-out cases sorted by predicted risk and cut into equal-size groups; "
                    + "each group's lowest predicted risk is the threshold that places a new case in it (the "
                    + "workbench's risk group).\n\n| group | cases | predicted risk range | mean predicted risk "
                    + "| observed risk (KM) |\n|---|---|---|---|---|\n");
            for (int g = 0; g < calibration.size(); g++) {
                CalibrationGroup c = calibration.get(g);
                String range = c.hasRange() ? String.format("%.3f – %.3f", c.lowestPredictedRisk(),
                        c.highestPredictedRisk()) : "not kept";
                md.append(String.format("| %d | %d | %s | %.3f | %.3f |%n", g + 1, c.cases(), range,
                        c.predictedRisk(), c.observedRisk()));
            }
        }
        return md.toString();
    }
}
