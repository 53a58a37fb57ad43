package io.tumorboard.model.learning.evaluation;

import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.FusionModel;
import io.tumorboard.model.learning.ModelCard;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.TrainingConfig;
import io.tumorboard.model.learning.features.CaseFeatures;
import io.tumorboard.model.learning.features.FeaturePipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the model a package ships: patients split 70/15/15 (training / validation for early stopping and the
 * abstention threshold / test), features fitted on the training part, metrics and calibration measured on the
 * test part only, and a model card written from them.
 */
public final class TrainingRun {

    /** 20 patient folds: 3 test (15%), 3 validation (15%), 14 training (70%). */
    static final int FOLDS = 20;

    /** The trained model, its card, and the held-out test predictions the card's figures came from. */
    public record Result(FusionModel model, ModelCard card, List<EvaluatedCase> test) {
    }

    private final ModelSpec spec;
    private final TrainingConfig config;
    private final int bootstrap;
    private final long seed;

    public TrainingRun(ModelSpec spec, TrainingConfig config, int bootstrap, long seed) {
        this.spec = spec;
        this.config = config;
        this.bootstrap = bootstrap;
        this.seed = seed;
    }

    public Result run(List<PatientCase> cases, IntConsumer onEpoch) {
        int[] fold = PatientSplits.folds(cases, FOLDS, seed);
        List<PatientCase> test = PatientSplits.select(cases, fold, f -> f < 3);
        List<PatientCase> validation = PatientSplits.select(cases, fold, f -> f >= 3 && f < 6);
        List<PatientCase> train = PatientSplits.select(cases, fold, f -> f >= 6);
        FeaturePipeline pipeline = FeaturePipeline.fit(train);
        FusionModel model = FusionModel.create(spec, pipeline);
        model.train(train, config.withValidation(validation), onEpoch);
        List<EvaluatedCase> evaluated = new ArrayList<>();
        List<CaseFeatures> features = new ArrayList<>();
        List<PatientCase> scored = new ArrayList<>();
        for (PatientCase c : test) {
            CaseFeatures f = pipeline.encode(c);
            if (c.outcome() != null && f.anyPresent()) {
                features.add(f);
                scored.add(c);
            }
        }
        if (!features.isEmpty()) {
            INDArray hazards = model.hazards(features);
            for (int i = 0; i < scored.size(); i++) {
                PatientCase c = scored.get(i);
                evaluated.add(new EvaluatedCase(c.caseKey(), c.outcome().followUpDays(), c.outcome().death(), c.site(),
                        c.demographics() == null || c.demographics().sex() == null ? "unknown" : c.demographics().sex(),
                        EvaluatedCase.ageBand(c.demographics() == null ? null : c.demographics().ageAtDiagnosisYears()),
                        spec.intervals().survivalCurve(hazards.getRow(i).toDoubleVector())));
            }
        }
        SurvivalEvaluation evaluation = new SurvivalEvaluation(spec.intervals(), bootstrap, seed);
        boolean measurable = evaluated.size() >= 10 && evaluated.stream().anyMatch(EvaluatedCase::death);
        ModelCard card = new ModelCard(
                "Research and tumour-board discussion support: ranks patients by predicted risk of death within "
                        + spec.intervals().horizonDays() + " days of diagnosis from imaging radiomics, pathology "
                        + "report text and clinical facts, and points at stage documentation a modality disagrees "
                        + "with. Not a device; not for treatment decisions on its own.",
                List.of("the prediction's status is ABSTAINED or REFUSED, or its warnings name a problem with the input",
                        "the patient's cancer, stage range or site is not represented in the training data below",
                        "the case's radiomics come from a site whose scanners were never harmonized (a warning says so)",
                        "absolute risks are needed but the calibration table below shows a gap for that risk group",
                        "site harmonization protects the documented stage group only: other true case-mix "
                                + "differences between sites (histology, age) are partly removed with the scanner "
                                + "effect"),
                summary(train, pipeline),
                "Held-out test split: " + evaluated.size() + " patients (15%, stratified by event, never seen in "
                        + "training or early stopping); percentile bootstrap 95% intervals over " + bootstrap
                        + " resamples.",
                measurable ? evaluation.metrics(evaluated) : Map.of(),
                measurable ? evaluation.calibration(evaluated) : List.of());
        return new Result(model, card, evaluated);
    }

    static ModelCard.TrainingData summary(List<PatientCase> train, FeaturePipeline pipeline) {
        Map<String, Integer> sites = new TreeMap<>();
        Map<String, Integer> modalities = new TreeMap<>();
        List<Double> followUp = new ArrayList<>();
        int events = 0;
        for (PatientCase c : train) {
            sites.merge(c.site(), 1, Integer::sum);
            CaseFeatures f = pipeline.encode(c);
            for (Modality m : Modality.values()) {
                if (f.has(m)) {
                    modalities.merge(m.name().toLowerCase(), 1, Integer::sum);
                }
            }
            if (c.outcome() != null) {
                followUp.add((double) c.outcome().followUpDays());
                events += c.outcome().death() ? 1 : 0;
            }
        }
        double[] sorted = followUp.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new ModelCard.TrainingData(train.size(), events, sites,
                sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2], modalities);
    }
}
