package io.tumorboard.board.meeting;

import io.tumorboard.board.store.CaseSummary;

/** The question a case brings when the chair does not write one: what the board is asked to settle. */
final class AgendaQuestion {

    private AgendaQuestion() {
    }

    static String suggestedFor(CaseSummary summary) {
        if (summary.criticalFlagCount() > 0 || summary.flagCount() > 0) {
            return "Resolve the flagged discrepancies, then decide treatment for stage "
                    + orUnknown(summary.workingStage()) + " " + orUnknown(summary.histology()) + ".";
        }
        if (summary.stagesDiscordant()) {
            return "Which stage applies (clinical " + summary.clinicalStage() + ", pathological "
                    + summary.pathologicalStage() + "), and what treatment follows?";
        }
        return "Confirm standard of care for stage " + orUnknown(summary.workingStage()) + " "
                + orUnknown(summary.histology()) + ".";
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
