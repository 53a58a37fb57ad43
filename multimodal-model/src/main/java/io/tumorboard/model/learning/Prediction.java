package io.tumorboard.model.learning;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.StageDescriptor;
import java.util.List;
import java.util.Map;

/**
 * What the network says about one case, with everything a board needs to judge it.
 *
 * @param caseKey the case's pseudonymous key
 * @param status whether the numbers may be used
 * @param riskScore predicted probability of death within the model's horizon, 1 − S(horizon); NaN if refused
 * @param riskLow 5th percentile of the risk over MC-dropout samples
 * @param riskHigh 95th percentile of the risk over MC-dropout samples
 * @param survivalDays the days at which {@code survival} is given (interval ends)
 * @param survival predicted survival probability at each of {@code survivalDays}
 * @param survivalLow 5th percentile of the survival probability over MC-dropout samples at each of
 *        {@code survivalDays}
 * @param survivalHigh 95th percentile of the same
 * @param oodDistance Mahalanobis distance of the fused embedding from the training embeddings
 * @param oodThreshold the distance above which the model abstains (set on validation data)
 * @param contributions per present modality: risk with all present minus risk with that modality removed;
 *        empty when only one modality is present
 * @param topFeatures the inputs whose removal moves the risk most
 * @param stageEstimates per modality with stage heads and present, per descriptor: the class probabilities
 *        from that modality alone (T: T1..T4, N: N0..N3, GROUP: I..IV)
 * @param flags learned stage contradictions
 * @param warnings everything doubtful about the input, in words
 */
public record Prediction(String caseKey, Status status, double riskScore, double riskLow, double riskHigh,
                         double[] survivalDays, double[] survival, double[] survivalLow, double[] survivalHigh,
                         double oodDistance, double oodThreshold,
                         Map<Modality, Double> contributions, List<FeatureAttribution> topFeatures,
                         Map<Modality, Map<StageDescriptor, double[]>> stageEstimates, List<CaseFlag> flags, List<String> warnings) {

    public Prediction {
        contributions = Map.copyOf(contributions);
        topFeatures = List.copyOf(topFeatures);
        stageEstimates = Map.copyOf(stageEstimates);
        flags = List.copyOf(flags);
        warnings = List.copyOf(warnings);
    }

    /** A refusal: no number is given, only the reasons. */
    static Prediction refused(String caseKey, List<String> reasons) {
        return new Prediction(caseKey, Status.REFUSED, Double.NaN, Double.NaN, Double.NaN, new double[0],
                new double[0], new double[0], new double[0], Double.NaN, Double.NaN, Map.of(), List.of(), Map.of(), List.of(), reasons);
    }

    /** Whether the numbers may be shown. */
    public enum Status {
        /** Predicted from clean input. */
        OK,
        /** Predicted, but the input had problems listed in the warnings; read them before the number. */
        WARNING,
        /** The case lies outside what the model was trained on (OOD distance above the threshold). */
        ABSTAINED,
        /** No prediction could be made; the warnings say why. */
        REFUSED
    }

    /**
     * One input's effect on the risk.
     *
     * @param modality the modality it belongs to
     * @param feature the feature's name (a radiomics feature, {@code word:<term>}, or a clinical feature)
     * @param riskChange risk with the feature as given minus risk with it set to the training median (0)
     */
    public record FeatureAttribution(Modality modality, String feature, double riskChange) {
    }
}
