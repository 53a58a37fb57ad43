package io.tumorboard.model.learning.evaluation;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.learning.FusionModel;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.TrainingConfig;
import io.tumorboard.model.learning.features.CaseFeatures;
import io.tumorboard.model.learning.features.FeaturePipeline;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * k-fold cross-validation of several models on the same patient folds: each modality alone, plain
 * concatenation, and gated fusion, and the gated model again with each modality removed at test time. In
 * fold f the test cases are fold f, early stopping watches fold f+1, and the features and networks are fitted
 * on the remaining folds only. Held-out predictions of all folds are pooled before metrics are computed. The
 * gated-fusion model's learned stage flags on its held-out cases are kept too, to be scored against a cohort's
 * injected discrepancies.
 */
public final class ModelComparison {

    public static final String FUSED = "gated fusion";

    private final ModelSpec base;
    private final TrainingConfig training;
    private final int folds;
    private final long seed;

    public ModelComparison(ModelSpec base, TrainingConfig training, int folds, long seed) {
        if (folds < 3) {
            throw new IllegalArgumentException("need at least 3 folds (test, validation, training), got " + folds);
        }
        this.base = base;
        this.training = training;
        this.folds = folds;
        this.seed = seed;
    }

    /** The models compared, by name. */
    public Map<String, ModelSpec> variants() {
        Map<String, ModelSpec> variants = new LinkedHashMap<>();
        for (Modality m : Modality.values()) {
            variants.put(m.name().toLowerCase() + " only", base.withModalities(EnumSet.of(m)));
        }
        variants.put("concatenation", base.withFusion(ModelSpec.Fusion.CONCAT));
        variants.put(FUSED, base.withFusion(ModelSpec.Fusion.GATED));
        return variants;
    }

    /**
     * What one comparison produced.
     *
     * @param predictions held-out predictions per model name (and per "gated fusion without X")
     * @param learnedFlags the gated-fusion model's learned stage flags on its held-out cases
     */
    public record Result(Map<String, List<EvaluatedCase>> predictions, List<HeldOutFlags> learnedFlags) {

        /** This result with more rows after the models' (e.g. {@link TrueRiskCeiling}'s). */
        public Result with(Map<String, List<EvaluatedCase>> rows) {
            Map<String, List<EvaluatedCase>> all = new LinkedHashMap<>(predictions);
            all.putAll(rows);
            return new Result(all, learnedFlags);
        }
    }

    /** Runs every fold; {@code step} hears each fit. */
    public Result run(List<PatientCase> cases, Consumer<String> step) {
        int[] fold = PatientSplits.folds(cases, folds, seed);
        Map<String, List<EvaluatedCase>> results = new LinkedHashMap<>();
        List<HeldOutFlags> flags = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int test = f;
            int validationFold = (f + 1) % folds;
            List<PatientCase> testCases = PatientSplits.select(cases, fold, g -> g == test);
            List<PatientCase> validation = PatientSplits.select(cases, fold, g -> g == validationFold);
            List<PatientCase> train = PatientSplits.select(cases, fold, g -> g != test && g != validationFold);
            FeaturePipeline pipeline = FeaturePipeline.fit(train);
            List<CaseFeatures> encoded = testCases.stream().map(pipeline::encode).toList();
            List<CaseFeatures> trainFeatures = train.stream().map(pipeline::encode).toList();
            for (Map.Entry<String, ModelSpec> variant : variants().entrySet()) {
                if (trainFeatures.stream().noneMatch(c -> variant.getValue().modalities().stream().anyMatch(c::has))) {
                    // e.g. "imaging only" on a table without radiomics: nothing to learn from, reported with 0 cases
                    results.computeIfAbsent(variant.getKey(), key -> new ArrayList<>());
                    step.accept("fold " + (f + 1) + "/" + folds + ": " + variant.getKey() + " (no training case has its modality)");
                    continue;
                }
                FusionModel model = FusionModel.create(variant.getValue(), pipeline);
                model.train(train, training.withValidation(validation));
                collect(results, variant.getKey(), model, testCases, encoded);
                if (variant.getKey().equals(FUSED)) {
                    List<List<CaseFlag>> raised = model.learnedStageFlags(testCases, encoded);
                    for (int i = 0; i < testCases.size(); i++) {
                        Set<StageDescriptor> descriptors = EnumSet.noneOf(StageDescriptor.class);
                        raised.get(i).forEach(flag -> descriptors.add(StageDescriptor.valueOf(flag.descriptor())));
                        flags.add(new HeldOutFlags(testCases.get(i).caseKey(), descriptors));
                    }
                    for (Modality m : Modality.values()) {
                        collect(results, FUSED + " without " + m.name().toLowerCase(), model, testCases,
                                encoded.stream().map(c -> c.without(m)).toList());
                    }
                }
                step.accept("fold " + (f + 1) + "/" + folds + ": " + variant.getKey());
            }
        }
        return new Result(results, flags);
    }

    /** Predictions for the cases the model can predict for (a case needs one modality the model uses). */
    private static void collect(Map<String, List<EvaluatedCase>> results, String name, FusionModel model,
                                List<PatientCase> cases, List<CaseFeatures> encoded) {
        List<PatientCase> usable = new ArrayList<>();
        List<CaseFeatures> features = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CaseFeatures c = encoded.get(i);
            if (cases.get(i).outcome() != null && model.spec().modalities().stream().anyMatch(c::has)) {
                usable.add(cases.get(i));
                features.add(c);
            }
        }
        List<EvaluatedCase> list = results.computeIfAbsent(name, key -> new ArrayList<>());
        if (usable.isEmpty()) {
            return;
        }
        INDArray hazards = model.hazards(features);
        for (int i = 0; i < usable.size(); i++) {
            PatientCase c = usable.get(i);
            String sex = c.demographics() == null || c.demographics().sex() == null ? "unknown" : c.demographics().sex();
            Integer age = c.demographics() == null ? null : c.demographics().ageAtDiagnosisYears();
            list.add(new EvaluatedCase(c.caseKey(), c.outcome().followUpDays(), c.outcome().death(), c.site(), sex,
                    EvaluatedCase.ageBand(age), model.spec().intervals().survivalCurve(hazards.getRow(i).toDoubleVector())));
        }
    }
}
