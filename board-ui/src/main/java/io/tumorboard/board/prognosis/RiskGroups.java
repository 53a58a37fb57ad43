package io.tumorboard.board.prognosis;

import io.tumorboard.model.learning.ModelCard;
import io.tumorboard.model.learning.evaluation.SurvivalEvaluation;
import java.util.List;
import java.util.Locale;

/**
 * Places a case in the promoted model's held-out calibration groups (see {@link RiskGroup}). A case whose risk lies
 * between two groups' ranges belongs to the lower one: the thresholds are the groups' lowest predicted risks.
 */
final class RiskGroups {

    /** The card's calibration table is read at this horizon (the learning module's, 3 years). */
    static final double HORIZON_DAYS = SurvivalEvaluation.CALIBRATION_DAYS;

    private static final String[] THIRDS = {"low", "intermediate", "high"};

    private RiskGroups() {
    }

    /** The group of a case whose predicted risk of death within {@link #HORIZON_DAYS} is {@code risk}. */
    static RiskGroup place(ModelCard card, double risk) {
        if (card == null || card.calibration().isEmpty()) {
            String why = card == null ? "" : card.limits().stream()
                    .filter(l -> l.toLowerCase(Locale.ROOT).contains("calibration")).findFirst()
                    .map(l -> " (the card says: " + l + ")").orElse("");
            return new RiskGroup.NotPlaced("No risk group: this model's card has no calibration table of held-out "
                    + "cases to place the case in" + why + ".");
        }
        List<ModelCard.CalibrationGroup> groups = card.calibration();
        if (groups.stream().anyMatch(g -> !g.hasRange())) {
            return new RiskGroup.NotPlaced("No risk group: this model's calibration table does not keep its groups' "
                    + "ranges of predicted risk (a package written before they were kept), so no threshold places "
                    + "the case.");
        }
        if (Double.isNaN(risk)) {
            return new RiskGroup.NotPlaced("No risk group: the model gave no risk for this case.");
        }
        int g = 0;
        while (g + 1 < groups.size() && risk >= groups.get(g + 1).lowestPredictedRisk()) {
            g++;
        }
        ModelCard.CalibrationGroup group = groups.get(g);
        String outside = null;
        if (risk < groups.get(0).lowestPredictedRisk()) {
            outside = "below the lowest held-out prediction";
        } else if (risk > groups.get(groups.size() - 1).highestPredictedRisk()) {
            outside = "above the highest held-out prediction";
        }
        int n = groups.size();
        String third = n < 3 ? null : THIRDS[(int) Math.floor(3 * (g + 0.5) / n)];
        return new RiskGroup.Placed(g + 1, n, third, risk, group.lowestPredictedRisk(), group.highestPredictedRisk(),
                group.cases(), group.predictedRisk(), group.observedRisk(), (int) Math.round(HORIZON_DAYS), outside);
    }
}
