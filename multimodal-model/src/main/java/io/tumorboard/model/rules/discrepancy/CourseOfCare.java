package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Treatment;
import io.tumorboard.model.cases.Treatment.TreatmentKind;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The dated cancer-directed treatments of a case, asked what happened between a clinical stage and a later one.
 *
 * <p>AJCC 8th ed., ch. 1: the clinical classification (cTNM) uses what is known before the first treatment; the
 * pathological one (pTNM) adds what the resection shows; the post-therapy one (ycTNM, ypTNM) is assigned after
 * neoadjuvant systemic therapy or radiotherapy. So a later stage that differs is explained by a resection or a
 * therapy that took place between the two stagings, not by the order of the dates alone. A case with no dated
 * treatment on record (a source that does not export procedures) cannot say, and the caller falls back on the
 * dates.
 */
final class CourseOfCare {

    private final List<Treatment> dated;

    private CourseOfCare(List<Treatment> dated) {
        this.dated = dated;
    }

    static CourseOfCare of(PatientCase c) {
        return new CourseOfCare(c.treatments().stream().filter(t -> t.start() != null)
                .sorted(Comparator.comparing(Treatment::start)).toList());
    }

    /** Whether any treatment with a date is on record; without one the record cannot tell what came between. */
    boolean known() {
        return !dated.isEmpty();
    }

    /**
     * The first treatment started on or after the clinical staging day and on or before the later staging day:
     * clinical staging on the morning of the operation is still pre-treatment. Both stagings must be dated and
     * the later one must be dated after the clinical one (two stagings of one day are written together).
     */
    Optional<Treatment> between(LocalDate clinical, LocalDate later) {
        if (clinical == null || later == null || !later.isAfter(clinical)) {
            return Optional.empty();
        }
        return dated.stream().filter(t -> !t.start().isBefore(clinical) && !t.start().isAfter(later)).findFirst();
    }

    /** The first systemic therapy or radiotherapy started after {@code from} and on or before {@code to}. */
    Optional<Treatment> therapyBetween(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return Optional.empty();
        }
        return dated.stream().filter(t -> t.kind() == TreatmentKind.SYSTEMIC_THERAPY
                || t.kind() == TreatmentKind.RADIOTHERAPY)
                .filter(t -> t.start().isAfter(from) && !t.start().isAfter(to)).findFirst();
    }

    static Evidence evidence(Treatment t) {
        return new Evidence(words(t.kind()), t.display() == null ? t.code() : t.display(), t.source());
    }

    static String words(TreatmentKind kind) {
        return switch (kind) {
            case SURGERY -> "resection";
            case SYSTEMIC_THERAPY -> "systemic therapy";
            case RADIOTHERAPY -> "radiotherapy";
            case OTHER -> "treatment";
        };
    }
}
