package io.tumorboard.board.decision;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

class DecisionContentTest {

    @Test
    void aDissentMustSayWhoDissentedAndWhy() {
        assertThatThrownBy(() -> new DecisionContent(TreatmentIntent.CURATIVE, TreatmentModality.SURGERY,
                "NCCN NSCLC v5.2026", "resectable", "Dr. A, Dr. B", Agreement.DISSENT, " ", null))
                .hasMessageContaining("dissent");
    }

    @Test
    void aDecisionNeedsAGuidelineReferenceARationaleAndAttendees() {
        assertThatThrownBy(() -> new DecisionContent(TreatmentIntent.CURATIVE, TreatmentModality.SURGERY,
                "", "resectable", "Dr. A", Agreement.CONSENSUS, null, null)).hasMessageContaining("guideline");
        assertThatThrownBy(() -> new DecisionContent(TreatmentIntent.CURATIVE, TreatmentModality.SURGERY,
                "NCCN", " ", "Dr. A", Agreement.CONSENSUS, null, null)).hasMessageContaining("rationale");
        assertThatThrownBy(() -> new DecisionContent(TreatmentIntent.CURATIVE, TreatmentModality.SURGERY,
                "NCCN", "why", "", Agreement.CONSENSUS, null, null)).hasMessageContaining("attendees");
    }

    @Test
    void aConsensusDecisionWithEverythingIsValid() {
        assertThatNoException().isThrownBy(() -> new DecisionContent(TreatmentIntent.PALLIATIVE,
                TreatmentModality.IMMUNOTHERAPY, "ESMO mNSCLC 2025", "PD-L1 60 %", "Dr. A, Dr. B",
                Agreement.CONSENSUS, null, "CT in 9 weeks"));
    }
}
