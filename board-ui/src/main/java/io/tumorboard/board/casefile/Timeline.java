package io.tumorboard.board.casefile;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.StageDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The case's dated events in order. Treatments are not in the case schema (1.0) yet, so the timeline cannot show
 * them; it says so on the page rather than implying none were given.
 */
final class Timeline {

    private Timeline() {
    }

    static List<TimelineEvent> of(PatientCase c) {
        List<TimelineEvent> events = new ArrayList<>();
        if (c.primaryCancer() != null && c.primaryCancer().diagnosisDate() != null) {
            events.add(new TimelineEvent(c.primaryCancer().diagnosisDate(), "diagnosis",
                    c.primaryCancer().histology() + ", " + c.primaryCancer().bodySite(), "primary"));
        }
        c.staging().stream().filter(s -> s.descriptor() == StageDescriptor.GROUP && s.date() != null)
                .forEach(s -> events.add(new TimelineEvent(s.date(), "staging",
                        s.basis().name().toLowerCase() + " stage " + s.value() + " (AJCC " + s.edition().label() + ")",
                        "staging")));
        c.imaging().stream().filter(i -> i.date() != null).forEach(i -> events.add(new TimelineEvent(i.date(),
                "imaging", i.modality() + " " + i.studyId(), "study-" + i.studyId())));
        c.pathology().stream().filter(p -> p.date() != null).forEach(p -> events.add(new TimelineEvent(p.date(),
                "pathology", "report " + p.reportId(), "report-" + p.reportId())));
        c.clinical().plannedImaging().stream().filter(p -> p.plannedDate() != null)
                .forEach(p -> events.add(new TimelineEvent(p.plannedDate(), "planned", p.description(), "clinical")));
        events.sort(Comparator.comparing(TimelineEvent::date));
        return events;
    }
}
