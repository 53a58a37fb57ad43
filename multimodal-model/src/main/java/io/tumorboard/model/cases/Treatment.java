package io.tumorboard.model.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A cancer-directed treatment on record: a resection, a course of systemic therapy or of radiotherapy. The
 * rules need its dates to tell re-staging after treatment (ypT after neoadjuvant therapy, pT after resection)
 * from a conflict between sources of the same time; the board sees it on the case timeline.
 *
 * @param kind what sort of treatment
 * @param code the coded treatment (SNOMED CT in FHIR {@code Procedure.code}), null when only text was recorded
 * @param display the treatment's name as the source gives it
 * @param start the day it was performed or started; null when the source gives no date
 * @param end the day a course ended; null for a single-day procedure or a course still running
 * @param source the resource it came from
 */
public record Treatment(TreatmentKind kind, String code, String display, LocalDate start, LocalDate end,
        SourceRef source) {

    public Treatment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("treatment " + source.reference() + " ends (" + end
                    + ") before it starts (" + start + ")");
        }
    }

    /** The kinds of cancer-directed treatment the rules distinguish. */
    public enum TreatmentKind {
        /** Resection or other cancer surgery: its specimen gives the pathological stage. */
        SURGERY,
        /** Chemotherapy, immunotherapy or targeted therapy. */
        SYSTEMIC_THERAPY,
        RADIOTHERAPY,
        OTHER
    }
}
