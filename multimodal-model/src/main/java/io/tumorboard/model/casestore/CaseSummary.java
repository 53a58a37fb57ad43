package io.tumorboard.model.casestore;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import java.time.LocalDate;
import java.util.Comparator;

/** The denormalised columns of {@code patient_case}, for search and agenda ordering; the JSON stays the truth. */
record CaseSummary(String primarySite, String histology, String clinicalStage, String pathologicalStage,
                   int criticalFlags) {

    static CaseSummary of(PatientCase c) {
        String primarySite = c.primaryCancer() == null ? null
                : firstNonNull(c.primaryCancer().topographyCode(), c.primaryCancer().bodySite());
        String histology = c.primaryCancer() == null ? null : c.primaryCancer().histology();
        int critical = (int) c.flags().stream().filter(flag -> flag.severity() == Severity.CRITICAL).count();
        return new CaseSummary(cut(primarySite, 128), cut(histology, 256),
                cut(latestGroup(c, StageBasis.CLINICAL), 16), cut(latestGroup(c, StageBasis.PATHOLOGICAL), 16),
                critical);
    }

    private static String latestGroup(PatientCase c, StageBasis basis) {
        return c.staging().stream()
                .filter(s -> s.basis() == basis && s.descriptor() == StageDescriptor.GROUP)
                .max(Comparator.comparing(StageObservation::date, Comparator.nullsFirst(LocalDate::compareTo)))
                .map(StageObservation::value)
                .orElse(null);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String cut(String value, int width) {
        return value == null || value.length() <= width ? value : value.substring(0, width);
    }
}
