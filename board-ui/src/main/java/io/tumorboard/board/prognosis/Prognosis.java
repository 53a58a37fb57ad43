package io.tumorboard.board.prognosis;

import java.util.List;
import java.util.Map;

/**
 * What the model panel shows for one case.
 */
public sealed interface Prognosis {

    /** {@code none}, {@code abstained} or {@code predicted}: which panel the page shows. */
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
     * A prediction.
     *
     * @param model the model version that made it
     * @param curve survival probability over time with its uncertainty band
     * @param riskGroup e.g. {@code high}, as the model card defines the groups
     * @param modalityContributions share of the prediction attributed to each modality (sums to 1)
     * @param uncertainty width of the band at the median follow-up, 0-1; used to order the agenda
     */
    record Predicted(ModelVersion model, List<SurvivalPoint> curve, String riskGroup,
            Map<String, Double> modalityContributions, double uncertainty) implements Prognosis {

        public Predicted {
            curve = List.copyOf(curve);
            modalityContributions = Map.copyOf(modalityContributions);
        }

        @Override
        public String kind() {
            return "predicted";
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
     * @param lower lower bound of the uncertainty band
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
