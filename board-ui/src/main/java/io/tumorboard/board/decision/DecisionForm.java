package io.tumorboard.board.decision;

/**
 * The decision form as posted, with the revision and lock version the writer saw when they opened it.
 */
public record DecisionForm(
        TreatmentIntent intent,
        TreatmentModality modality,
        String guidelineReference,
        String rationale,
        String attendees,
        Agreement agreement,
        String dissent,
        String followUp,
        int seenRevision,
        int seenLock) {

    static DecisionForm of(BoardDecision d) {
        DecisionContent c = d.content();
        return new DecisionForm(c.intent(), c.modality(), c.guidelineReference(), c.rationale(), c.attendees(),
                c.agreement(), c.dissent(), c.followUp(), d.revision(), d.lockVersion());
    }

    static DecisionForm blank(String attendees) {
        return new DecisionForm(TreatmentIntent.CURATIVE, TreatmentModality.SURGERY, "", "", attendees,
                Agreement.CONSENSUS, "", "", 0, 0);
    }

    DecisionContent content() {
        if (intent == null || modality == null || agreement == null) {
            throw new IllegalArgumentException("a decision needs an intent, a modality and consensus or dissent");
        }
        return new DecisionContent(intent, modality, guidelineReference, rationale, attendees, agreement,
                blankToNull(dissent), blankToNull(followUp));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
