package io.tumorboard.board.prognosis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What the model panel shows for one case.
 */
public sealed interface Prognosis {

    /** {@code none}, {@code abstained} or {@code predicted}: which panel the page shows (and the API's tag). */
    @JsonProperty("kind")
    String kind();

    /** No model version has been promoted at this site; nothing is predicted. */
    record NoModelPromoted(String explanation) implements Prognosis {
        @Override
        public String kind() {
            return "none";
        }
    }

    /**
     * The promoted model declined to predict because the case lies outside what it was trained on.
     *
     * @param model the model that abstained
     * @param reason why, in the board's words (e.g. which input was out of distribution)
     */
    record Abstained(ModelVersion model, String reason) implements Prognosis {
        @Override
        public String kind() {
            return "abstained";
        }
    }

    /**
     * A prediction of the promoted model.
     *
     * @param model the model version that made it
     * @param curve predicted survival probability at the model's interval ends (days since diagnosis)
     * @param risk predicted probability of death within the horizon, 1 - S(horizon)
     * @param riskLow 5th percentile of that risk over MC-dropout samples
     * @param riskHigh 95th percentile of that risk over MC-dropout samples
     * @param horizonDays the model's horizon, days
     * @param modalityContributions per present modality, risk with all modalities minus risk without it
     *                              (probability points; empty when only one modality is present)
     * @param warnings what the model found doubtful about the input, to read before the numbers
     * @param riskGroup the case's group among the model's held-out calibration groups, or why there is none
     */
    record Predicted(ModelVersion model, List<SurvivalPoint> curve, double risk, double riskLow, double riskHigh,
            int horizonDays, Map<String, Double> modalityContributions, List<String> warnings, RiskGroup riskGroup)
            implements Prognosis {

        public Predicted {
            curve = List.copyOf(curve);
            modalityContributions = Map.copyOf(modalityContributions);
            warnings = List.copyOf(warnings);
        }

        @Override
        public String kind() {
            return "predicted";
        }

        /** Width of the MC-dropout interval of the risk at the horizon; the agenda orders by it. */
        public double uncertainty() {
            return riskHigh - riskLow;
        }

        /** A curve column as comma-separated numbers for the chart script, e.g. {@code column("days")}. */
        public String column(String name) {
            return curve.stream().map(p -> switch (name) {
                case "days" -> String.valueOf(p.days());
                case "survival" -> String.valueOf(p.survival());
                case "lower" -> String.valueOf(p.lower());
                case "upper" -> String.valueOf(p.upper());
                default -> throw new IllegalArgumentException("no curve column " + name);
            }).collect(java.util.stream.Collectors.joining(","));
        }
    }

    /**
     * One point of a survival curve.
     *
     * @param days days since diagnosis
     * @param survival predicted probability of being alive, 0-1
     * @param lower lower bound of the uncertainty band (equal to {@code survival} where the model gives none)
     * @param upper upper bound of the uncertainty band
     */
    record SurvivalPoint(int days, double survival, double lower, double upper) {
    }

    /**
     * A model version with a link to its model card.
     *
     * @param version e.g. {@code 2026.11.3}
     * @param modelCardUrl where the card can be read inside the workbench
     */
    record ModelVersion(String version, String modelCardUrl) {
    }
}
