package io.tumorboard.pipeline.fhir;

import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.Payloads;
import io.tumorboard.pipeline.ingest.RawRecord;
import java.time.LocalDate;

/** The record a resource came from and its identity ({@code Observation/obs-1}); builds the fragment. */
record FhirSource(RawRecord record, String identity) {

    SourceRef ref(LocalDate date) {
        return SourceRef.fhir(identity, date);
    }

    CaseFragment fragment(String patientId, FragmentKind kind, LocalDate date, Object payload) {
        return new CaseFragment("", patientId, kind, identity, record.file(), record.line(),
                FhirValues.epochMillis(date), record.readAtMillis(), Payloads.write(payload), record.bytes());
    }
}
