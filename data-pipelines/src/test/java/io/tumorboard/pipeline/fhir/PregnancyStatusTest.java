package io.tumorboard.pipeline.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.CodedValue;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.Payloads;
import io.tumorboard.pipeline.ingest.RawRecord;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RejectionCode;
import io.tumorboard.pipeline.text.ReportReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** LOINC 82810-3 Pregnancy status, answered with SNOMED CT findings or LOINC answers, as US Core writes it. */
class PregnancyStatusTest {

    private final FhirRecordReader reader = new FhirRecordReader(new ReportReader());

    @Test
    void snomedFindingsAndLoincAnswersGiveTheStatusWithItsSource() throws Exception {
        assertThat(status("{\"system\":\"http://snomed.info/sct\",\"code\":\"77386006\"}")).isEqualTo("PREGNANT");
        assertThat(status("{\"system\":\"http://snomed.info/sct\",\"code\":\"60001007\"}"))
                .isEqualTo("NOT_PREGNANT");
        assertThat(status("{\"system\":\"http://loinc.org\",\"code\":\"LA4489-6\"}")).isEqualTo("UNKNOWN");
        assertThat(status("{\"system\":\"http://loinc.org\",\"code\":\"LA15173-0\"}")).isEqualTo("PREGNANT");
    }

    @Test
    void anAnswerThatIsNoPregnancyStatusIsRejectedNamingIt() {
        assertThatThrownBy(() -> status("{\"system\":\"http://snomed.info/sct\",\"code\":\"73211009\"}"))
                .isInstanceOfSatisfying(RecordRejection.class, e -> {
                    assertThat(e.code()).isEqualTo(RejectionCode.UNKNOWN_CODE);
                    assertThat(e.getMessage()).contains("Observation/preg-1", "73211009");
                });
    }

    private String status(String answer) throws Exception {
        String line = "{\"resourceType\":\"Observation\",\"id\":\"preg-1\",\"status\":\"final\",\"code\":{\"coding\":"
                + "[{\"system\":\"http://loinc.org\",\"code\":\"82810-3\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"effectiveDateTime\":\"2024-03-01\",\"valueCodeableConcept\":{\"coding\":[" + answer + "]}}";
        CaseFragment fragment = reader.read(new RawRecord("fhir/Observation.ndjson", 7,
                line.getBytes(StandardCharsets.UTF_8), null, 0L), line);
        assertThat(fragment.kind()).isEqualTo(FragmentKind.PREGNANCY);
        assertThat(fragment.identity()).isEqualTo("Observation/preg-1");
        CodedValue value = Payloads.read(fragment.payload(), CodedValue.class);
        assertThat(value.source().reference()).isEqualTo("Observation/preg-1");
        return value.value();
    }
}
