package io.tumorboard.model.learning.network;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Negative log-likelihood of right-censored discrete-time survival (Gensheimer &amp; Narasimhan, PeerJ 2019):
 * for every interval a patient was at risk in, −[y log h + (1 − y) log(1 − h)], where h is the predicted
 * hazard of the interval and y = 1 only in the interval of death. Intervals after death or censoring carry
 * the label −1 and add nothing, which is how censoring enters: a censored patient says "alive until here"
 * and nothing more. {@link io.tumorboard.model.learning.survival.SurvivalIntervals} writes the labels.
 *
 * <p>Public with a no-argument constructor because DL4J writes the loss into the network's JSON
 * configuration and instantiates it by class name when the model package is loaded.
 */
public class DiscreteTimeHazardLoss implements ILossFunction {

    private static final long serialVersionUID = 1L;
    /** Hazards are kept inside [ε, 1 − ε] so a saturated sigmoid cannot produce log(0). */
    private static final double EPSILON = 1e-7;

    /**
     * The same loss for one case from its hazards, as early stopping reads it outside DL4J.
     *
     * @param labels the case's interval labels (1 death, 0 survived, −1 not at risk)
     */
    public static double negativeLogLikelihood(float[] hazards, float[] labels) {
        double loss = 0;
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] >= 0) {
                double h = Math.min(Math.max(hazards[k], EPSILON), 1 - EPSILON);
                loss -= labels[k] * Math.log(h) + (1 - labels[k]) * Math.log(1 - h);
            }
        }
        return loss;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray hazard = Transforms.min(Transforms.max(activationFn.getActivation(preOutput.dup(), true), EPSILON),
                1 - EPSILON);
        INDArray atRisk = atRisk(labels, mask);
        INDArray died = Transforms.max(labels, 0.0);
        INDArray logLikelihood = died.mul(Transforms.log(hazard))
                .addi(died.rsub(1.0).muli(Transforms.log(hazard.rsub(1.0))));
        return logLikelihood.muli(atRisk).negi().sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray hazard = Transforms.min(Transforms.max(activationFn.getActivation(preOutput.dup(), true), EPSILON),
                1 - EPSILON);
        INDArray atRisk = atRisk(labels, mask);
        INDArray died = Transforms.max(labels, 0.0);
        // dL/dh = −y/h + (1 − y)/(1 − h), only where at risk
        INDArray dLdh = died.div(hazard).negi().addi(died.rsub(1.0).divi(hazard.rsub(1.0))).muli(atRisk);
        return activationFn.backprop(preOutput.dup(), dLdh).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    /** 1 where the patient was at risk in the interval (label ≥ 0) and the example is not masked out. */
    private static INDArray atRisk(INDArray labels, INDArray mask) {
        INDArray atRisk = labels.dup();
        atRisk.replaceWhere(Nd4j.onesLike(atRisk), Conditions.greaterThanOrEqual(0.0));
        atRisk.replaceWhere(Nd4j.zerosLike(atRisk), Conditions.lessThan(0.0));
        if (mask != null) {
            atRisk = mask.size(1) == 1 ? atRisk.mulColumnVector(mask) : atRisk.mul(mask);
        }
        return atRisk;
    }

    @Override
    public String name() {
        return "DiscreteTimeHazardLoss";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiscreteTimeHazardLoss;
    }

    @Override
    public int hashCode() {
        return DiscreteTimeHazardLoss.class.hashCode();
    }
}
