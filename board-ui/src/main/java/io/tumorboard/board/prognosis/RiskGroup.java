package io.tumorboard.board.prognosis;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a case's predicted 3-year risk falls among the held-out cases of the promoted model's calibration table
 * (its model card), or why it cannot be placed. The groups and their thresholds come from the package, never from
 * the workbench: the held-out cases sorted by predicted 3-year risk and cut into equal-size groups, each group's
 * lowest predicted risk being the threshold between it and the group below.
 */
public sealed interface RiskGroup {

    /** Whether the case was placed in a group; the page and the API say why when not. */
    @JsonProperty("placed")
    boolean placed();

    /**
     * The case's group.
     *
     * @param group 1-based rank of the group, lowest risk first
     * @param groups number of groups in the calibration table
     * @param third {@code low}, {@code intermediate} or {@code high}: the third of the held-out cases the middle of
     *              the group falls in; null with fewer than three groups
     * @param caseRisk the case's predicted risk of death within {@code horizonDays}
     * @param lowestRisk the lowest predicted risk among the group's held-out cases (its threshold)
     * @param highestRisk the highest predicted risk among them
     * @param cases held-out cases in the group
     * @param predictedRisk their mean predicted risk
     * @param observedRisk their observed risk, 1 − Kaplan–Meier survival at the horizon
     * @param horizonDays the calibration horizon, days
     * @param outsideRange set when the case's risk lies below the lowest or above the highest held-out prediction
     */
    record Placed(int group, int groups, String third, double caseRisk, double lowestRisk, double highestRisk,
            int cases, double predictedRisk, double observedRisk, int horizonDays, String outsideRange)
            implements RiskGroup {
        @Override
        public boolean placed() {
            return true;
        }
    }

    /** No group: the package lacks what placing needs (e.g. a package written without a calibration table). */
    record NotPlaced(String reason) implements RiskGroup {
        @Override
        public boolean placed() {
            return false;
        }
    }
}
