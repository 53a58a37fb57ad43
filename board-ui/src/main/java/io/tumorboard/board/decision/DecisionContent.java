package io.tumorboard.board.decision;

import java.util.Objects;

/**
 * What the board decided.
 *
 * @param intent curative, palliative or diagnostic
 * @param modality the main treatment modality
 * @param guidelineReference the guideline the recommendation follows, e.g. {@code NCCN NSCLC v5.2026, NSCL-8}
 * @param rationale why
 * @param attendees who took part, comma-separated names with specialties
 * @param agreement consensus or dissent
 * @param dissent who dissented and why; required when {@code agreement} is dissent
 * @param followUp what happens next and when, may be blank
 */
public record DecisionContent(
        TreatmentIntent intent,
        TreatmentModality modality,
        String guidelineReference,
        String rationale,
        String attendees,
        Agreement agreement,
        String dissent,
        String followUp) {

    public DecisionContent {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(agreement, "agreement");
        require(guidelineReference, "a guideline reference");
        require(rationale, "a rationale");
        require(attendees, "the attendees");
        if (agreement == Agreement.DISSENT && (dissent == null || dissent.isBlank())) {
            throw new IllegalArgumentException("a decision with dissent needs who dissented and why");
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a decision needs " + what);
        }
    }
}
