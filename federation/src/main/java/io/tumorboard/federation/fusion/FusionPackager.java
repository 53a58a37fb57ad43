package io.tumorboard.federation.fusion;

import io.tumorboard.federation.coordinator.ClosedRound;
import io.tumorboard.federation.registry.FederatedEvaluation;
import io.tumorboard.federation.registry.ModelPackager;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.model.learning.FusionModel;
import io.tumorboard.model.learning.ModelCard;
import io.tumorboard.model.learning.ModelPackage;
import io.tumorboard.model.learning.features.SiteFeatureSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files a fusion run's global model as the learning module's {@link ModelPackage} ({@code model.zip}: network,
 * the run's fitted feature pipeline, manifest, model card). The card is built from what the coordinator
 * legitimately knows: the sites' aggregate feature summaries (counts, follow-up medians), the round's example
 * counts, and — once the next round has evaluated it — the federated evaluation on the sites' held-out cases.
 *
 * <p>The package has no OOD detector: fitting one needs the training embeddings of cases, which never leave the
 * sites; predictions from it are therefore never abstained for being out of distribution (the card says so).
 */
public final class FusionPackager implements ModelPackager {

    private static final String NO_CALIBRATION = "no calibration table yet: it is pooled from the sites' aggregates "
            + "once the run's calibration round is over";
    private static final String CALIBRATION_METHOD = "Calibration table: pooled from the sites' aggregates of the "
            + "same held-out cases, not from case-level predictions; groups are cut at bins of predicted 3-year risk "
            + "0.001 wide (each group's range and threshold are bin edges), and observed risk is 1 minus the actuarial "
            + "(Cutler-Ederer) life-table survival on monthly intervals, not Kaplan-Meier on exact times.";

    private final FusionSetup setup;
    private final List<SiteFeatureSummary> summaries;

    public FusionPackager(FusionSetup setup, List<SiteFeatureSummary> summaries) {
        this.setup = setup;
        this.summaries = List.copyOf(summaries);
    }

    @Override
    public String fileName() {
        return "model.zip";
    }

    @Override
    public void write(ClosedRound round, Path file) {
        FusionModel model = setup.newModel();
        model.setParameters(round.global().values());
        Map<String, Integer> examples = new TreeMap<>();
        for (Map.Entry<String, SiteReport> e : round.reports().entrySet()) {
            if (e.getValue().kind() == TaskKind.TRAIN) {
                examples.put(e.getKey(), Math.toIntExact(e.getValue().exampleCount()));
            }
        }
        ModelPackage.save(model, card(round.config().runId(), round.round(), examples, null), file);
    }

    @Override
    public void evaluated(Path file, FederatedEvaluation evaluation) throws IOException {
        ModelPackage.Loaded loaded = ModelPackage.load(file);
        ModelCard old = loaded.card();
        rewrite(file, loaded, new ModelCard(old.intendedUse(), old.limits(), old.training(),
                calibrationNoted(evaluationText(evaluation), old.calibration()), estimates(evaluation),
                old.calibration()));
    }

    @Override
    public void calibrated(Path file, List<ModelCard.CalibrationGroup> table) throws IOException {
        ModelPackage.Loaded loaded = ModelPackage.load(file);
        ModelCard old = loaded.card();
        List<String> limits = old.limits().stream().filter(l -> !l.equals(NO_CALIBRATION)).toList();
        rewrite(file, loaded, new ModelCard(old.intendedUse(), limits, old.training(),
                calibrationNoted(old.evaluation(), table), old.metrics(), table));
    }

    private static String calibrationNoted(String evaluation, List<ModelCard.CalibrationGroup> table) {
        return table.isEmpty() || evaluation.endsWith(CALIBRATION_METHOD) ? evaluation
                : evaluation + " " + CALIBRATION_METHOD;
    }

    private static void rewrite(Path file, ModelPackage.Loaded loaded, ModelCard card) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ModelPackage.save(loaded.model(), card, tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private ModelCard card(String runId, int round, Map<String, Integer> examples, FederatedEvaluation evaluation) {
        int events = summaries.stream().mapToInt(s -> s.events() == null ? 0 : s.events()).sum();
        double followUp = 0;
        int counted = 0;
        for (SiteFeatureSummary s : summaries) {
            if (s.followUpDays() != null) {
                followUp += s.followUpDays().median() * s.followUpDays().count();
                counted += s.followUpDays().count();
            }
        }
        Map<String, Integer> modalities = new TreeMap<>();
        modalities.put("IMAGING", summaries.stream().mapToInt(SiteFeatureSummary::imagingStudies).sum());
        modalities.put("PATHOLOGY", summaries.stream().mapToInt(SiteFeatureSummary::pathologyDocuments).sum());
        modalities.put("CLINICAL", summaries.stream().mapToInt(SiteFeatureSummary::cases).sum());
        ModelCard.TrainingData training = new ModelCard.TrainingData(
                examples.values().stream().mapToInt(Integer::intValue).sum(), events, examples,
                counted == 0 ? Double.NaN : followUp / counted, modalities);
        return new ModelCard("Research and tumour-board discussion support: ranks patients by predicted risk of death "
                + "within " + setup.spec().intervals().horizonDays() + " days of diagnosis from imaging radiomics, "
                + "pathology report text and clinical facts. Trained federatedly (run " + runId + ", after round "
                + round + "): no case left its hospital. Not a device; not for treatment decisions on its own.",
                List.of("the prediction's status is REFUSED, or its warnings name a problem with the input",
                        "the patient's cancer, stage range or site is not represented in the sites below",
                        "out-of-distribution abstention is off: a federated package has no OOD detector, since "
                                + "fitting one needs case embeddings that never leave the sites",
                        "the feature pipeline was fitted from the sites' aggregate summaries (counts, medians, IQRs; "
                                + "cells below " + SiteFeatureSummary.MIN_CELL + " suppressed), an approximation of "
                                + "the pooled fit",
                        NO_CALIBRATION),
                training, evaluation == null ? "Federated evaluation pending: the sites evaluate this version in the "
                        + "next round (see the registry's metrics.jsonl)." : evaluationText(evaluation),
                evaluation == null ? Map.of() : estimates(evaluation), List.of());
    }

    private static String evaluationText(FederatedEvaluation e) {
        return "Federated evaluation on the sites' held-out cases (" + e.examples() + " cases at " + e.sites().size()
                + " sites, stable hash split, never trained on). Value: example-weighted mean over sites; the "
                + "interval columns show the lowest and the highest site, not a bootstrap interval. Per site: "
                + e.sites();
    }

    private static Map<String, ModelCard.Estimate> estimates(FederatedEvaluation e) {
        Map<String, ModelCard.Estimate> out = new TreeMap<>();
        e.global().forEach((metric, value) -> {
            double low = e.sites().values().stream().map(s -> s.metrics().get(metric)).filter(v -> v != null)
                    .mapToDouble(Double::doubleValue).min().orElse(value);
            double high = e.sites().values().stream().map(s -> s.metrics().get(metric)).filter(v -> v != null)
                    .mapToDouble(Double::doubleValue).max().orElse(value);
            out.put(metric, new ModelCard.Estimate(value, low, high));
        });
        return out;
    }
}
