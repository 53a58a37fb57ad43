package io.tumorboard.board.api;

import io.tumorboard.board.decision.Agreement;
import io.tumorboard.board.decision.DecisionContent;
import io.tumorboard.board.decision.TreatmentIntent;
import io.tumorboard.board.decision.TreatmentModality;
import io.tumorboard.board.flag.FlagReviewOutcome;
import java.time.LocalDate;

/** The request bodies of the API's writes (JSON). */
final class ApiWrites {

    private ApiWrites() {
    }

    /**
     * A meeting to create.
     *
     * @param date the meeting day (ISO date)
     * @param tumorType e.g. {@code Thoracic / lung}
     * @param chair user name of a user with the chair role
     */
    record NewMeeting(LocalDate date, String tumorType, String chair) {
    }

    /**
     * A case to put on a meeting's agenda.
     *
     * @param caseKey pseudonymous key of a current case
     * @param question what the board is asked; blank for the suggested question
     */
    record NewAgendaItem(String caseKey, String question) {
    }

    /**
     * A decision's text, with the revision and lock version the writer last read ({@code 0, 0} for the first).
     * A stale pair is refused with 409 and changes nothing.
     */
    record DecisionRevision(TreatmentIntent intent, TreatmentModality modality, String guidelineReference,
            String rationale, String attendees, Agreement agreement, String dissent, String followUp,
            int seenRevision, int seenLock) {

        DecisionContent content() {
            return new DecisionContent(intent, modality, guidelineReference, rationale, attendees, agreement,
                    blankToNull(dissent), blankToNull(followUp));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /**
     * The chair's sign-off of the revision and lock version they read.
     *
     * @param seenRevision the revision read
     * @param seenLock its lock version
     */
    record SignOff(int seenRevision, int seenLock) {
    }

    /**
     * A review of one flag of a case.
     *
     * @param flagId the flag's id as the case's flags list gives it ({@code ruleId:descriptor})
     * @param outcome acknowledged or dismissed
     * @param reason why; required
     * @param caseVersion the case version the reviewer read; when given and no longer current, 409
     */
    record NewFlagReview(String flagId, FlagReviewOutcome outcome, String reason, Long caseVersion) {
    }
}
