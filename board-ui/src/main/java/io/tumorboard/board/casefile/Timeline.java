package io.tumorboard.board.casefile;

import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Treatment;
import io.tumorboard.model.cases.StageDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The case's dated events in order: diagnosis, staging, imaging, pathology, treatments (start, and end of a
 * course) and planned imaging. A treatment without a start date is listed in the treatments table only, since
 * the timeline cannot place it.
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
        c.treatments().stream().filter(t -> t.start() != null).forEach(t -> {
            String anchor = "src-" + t.source().reference();
            String what = treatmentName(t);
            events.add(new TimelineEvent(t.start(), "treatment", (t.end() == null || t.end().equals(t.start())
                    ? what : what + " started"), anchor));
            if (t.end() != null && !t.end().equals(t.start())) {
                events.add(new TimelineEvent(t.end(), "treatment", what + " ended", anchor));
            }
        });
        c.clinical().plannedImaging().stream().filter(p -> p.plannedDate() != null)
                .forEach(p -> events.add(new TimelineEvent(p.plannedDate(), "planned", p.description(), "clinical")));
        events.sort(Comparator.comparing(TimelineEvent::date));
        return events;
    }

    /** "surgery: Lobectomy of lung" - the kind in words, then the source's own name for it. */
    static String treatmentName(Treatment t) {
        String kind = t.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return t.display() == null || t.display().isBlank() ? kind : kind + ": " + t.display();
    }
}
