package io.tumorboard.board.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.Treatment;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static PatientCase with(List<Treatment> treatments) {
        PatientCase c = DemoCases.all().get(1).patientCase();
        return new PatientCase(c.schemaVersion(), c.caseKey(), c.site(), c.caseVersion(), c.assembledAt(),
                c.demographics(), c.primaryCancer(), c.staging(), c.imaging(), c.pathology(), treatments, c.clinical(),
                c.outcome(), c.modalities(), c.flags(), c.extensions());
    }

    @Test
    void treatmentsAreDatedEventsLinkedToTheirSourceAndACourseShowsItsStartAndEnd() {
        LocalDate start = LocalDate.of(2026, 2, 3);
        List<TimelineEvent> events = Timeline.of(with(List.of(
                new Treatment(Treatment.TreatmentKind.SYSTEMIC_THERAPY, null, "Carboplatin + pemetrexed", start,
                        start.plusDays(84), SourceRef.fhir("MedicationAdministration/ma-1", start)),
                new Treatment(Treatment.TreatmentKind.RADIOTHERAPY, null, "", null, null,
                        SourceRef.fhir("Procedure/rt-undated", null)))));

        List<TimelineEvent> treatments = events.stream().filter(e -> e.kind().equals("treatment")).toList();
        assertThat(treatments).extracting(TimelineEvent::description).containsExactly(
                "systemic therapy: Carboplatin + pemetrexed started", "systemic therapy: Carboplatin + pemetrexed ended");
        assertThat(treatments).extracting(TimelineEvent::anchor).containsOnly("src-MedicationAdministration/ma-1");
        assertThat(events).isSortedAccordingTo(java.util.Comparator.comparing(TimelineEvent::date));
    }

    @Test
    void aSingleDayProcedureIsOneEvent() {
        LocalDate day = LocalDate.of(2026, 3, 9);
        List<TimelineEvent> events = Timeline.of(with(List.of(new Treatment(Treatment.TreatmentKind.SURGERY,
                "173171007", "Lobectomy of lung", day, null, SourceRef.fhir("Procedure/p-1", day)))));
        assertThat(events).filteredOn(e -> e.kind().equals("treatment")).singleElement()
                .extracting(TimelineEvent::description).isEqualTo("surgery: Lobectomy of lung");
    }
}
