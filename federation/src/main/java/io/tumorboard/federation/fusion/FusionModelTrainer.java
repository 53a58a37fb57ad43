package io.tumorboard.federation.fusion;

import io.tumorboard.federation.calibration.HeldOutRisk;
import io.tumorboard.federation.calibration.SiteCalibration;
import io.tumorboard.federation.site.EvaluationResult;
import io.tumorboard.federation.site.LocalTrainer;
import io.tumorboard.federation.site.RoundConfig;
import io.tumorboard.federation.site.TrainingResult;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.FusionModel;
import io.tumorboard.model.learning.Prediction;
import io.tumorboard.model.learning.SurvivalMetrics;
import io.tumorboard.model.learning.TrainingConfig;
import io.tumorboard.model.learning.evaluation.SurvivalEvaluation;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The multimodal fusion network as a federated learner: a site's cases stay here, the network's flat
 * parameter vector is what travels. Every site builds its {@link FusionModel} from the run's
 * {@link FusionSetup} (spec + feature pipeline fitted from the sites' aggregate summaries); a site with another
 * setup sends another layout name and the coordinator refuses its updates. Metrics are aggregate only: Harrell's C on the held-out cases.
 */
public final class FusionModelTrainer implements LocalTrainer {

    private static final int BATCH = 32;
    private static final int PATIENCE = 5;

    private final FusionSetup setup;
    private FusionModel model;
    private final List<PatientCase> training;
    private final List<PatientCase> heldOut;
    private final ModelLayout layout;

    public FusionModelTrainer(FusionSetup setup, List<PatientCase> training, List<PatientCase> heldOut) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("a site needs at least one training case");
        }
        this.setup = setup;
        this.model = setup.newModel();
        this.training = List.copyOf(training);
        this.heldOut = List.copyOf(heldOut);
        this.layout = setup.layout(model.parameterCount());
    }

    @Override
    public synchronized ModelWeights initialModel() {
        return new ModelWeights(layout, toFloats(model.parameters()));
    }

    @Override
    public synchronized TrainingResult train(ModelWeights global, RoundConfig cfg) {
        // A round's training is a function of (global weights, round seed, this site's cases) alone, which is
        // what lets a coordinator restarted mid-run end bit-identical to an uninterrupted run. So: a fresh
        // network every round (Adam's moments and step count would otherwise carry over from whichever rounds
        // this site happened to train before), and ND4J's random stream, which draws the dropout masks, seeded
        // from the round's seed on this thread (it is per thread, and DL4J seeds it only on the thread that
        // builds a network).
        FusionModel fresh = setup.newModel();
        fresh.setParameters(global.values());
        Nd4j.getRandom().setSeed(cfg.seed());
        double[] globalParams = cfg.proximalMu() > 0 ? toDoubles(global.values()) : null;
        // No validation split here: the federation's evaluation is on the site's held-out cases each round.
        FusionModel.TrainingSummary s = fresh.train(training, new TrainingConfig(cfg.localEpochs(), BATCH,
                cfg.learningRate(), cfg.proximalMu(), globalParams, List.of(), PATIENCE, cfg.seed()));
        model = fresh;
        return new TrainingResult(new ModelWeights(layout, toFloats(model.parameters())), s.examples(),
                Map.of("examples_per_second", s.examplesPerSecond()));
    }

    @Override
    public boolean predictsSurvival() {
        return true;
    }

    @Override
    public synchronized EvaluationResult evaluate(ModelWeights weights) {
        model.setParameters(weights.values());
        List<double[]> rows = new ArrayList<>();
        // The 3-year risks and outcomes stay here: the site node sends only counts built from them.
        List<HeldOutRisk> calibration = new ArrayList<>();
        for (PatientCase c : heldOut) {
            if (c.outcome() == null) {
                continue;
            }
            Prediction p = model.predict(c);
            if (Double.isFinite(p.riskScore())) {
                rows.add(new double[] {c.outcome().followUpDays(), c.outcome().death() ? 1 : 0, p.riskScore()});
                calibration.add(new HeldOutRisk(1 - SurvivalIntervals.survivalAt(p.survival(), setup.spec().intervals(),
                        SurvivalEvaluation.CALIBRATION_DAYS), c.outcome().followUpDays(), c.outcome().death()));
            }
        }
        if (rows.size() < 2) {
            return new EvaluationResult(rows.size(), Map.of(), new SiteCalibration(calibration));
        }
        double[] time = new double[rows.size()];
        boolean[] event = new boolean[rows.size()];
        double[] risk = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            time[i] = rows.get(i)[0];
            event[i] = rows.get(i)[1] == 1;
            risk[i] = rows.get(i)[2];
        }
        double c = SurvivalMetrics.harrellC(time, event, risk);
        return new EvaluationResult(rows.size(), Double.isFinite(c) ? Map.of("harrell_c", c) : Map.of(),
                new SiteCalibration(calibration));
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
