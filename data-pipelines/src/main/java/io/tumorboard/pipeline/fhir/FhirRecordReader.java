package io.tumorboard.pipeline.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.RawRecord;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RecordSkip;
import io.tumorboard.pipeline.ingest.RejectionCode;
import io.tumorboard.pipeline.text.ReportReader;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * One NDJSON line to one case fragment. The resource type is read first with plain Jackson so that broken JSON
 * and unused or unknown types are told apart cheaply; only the types the case uses go through HAPI's strict
 * parser, whose errors (a string where a number belongs, an unknown element) reject the record.
 */
public final class FhirRecordReader {

    private static final Set<String> USED_TYPES = Set.of("Patient", "Condition", "Observation",
            "DiagnosticReport", "AllergyIntolerance", "Device", "ServiceRequest", "Procedure");

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> knownTypes = fhir.getResourceTypes();
    private final ObservationMapper observations = new ObservationMapper();
    private final DiagnosticReportMapper reports;
    private final SafetyResourceMapper safety = new SafetyResourceMapper();

    public FhirRecordReader(ReportReader reportReader) {
        this.reports = new DiagnosticReportMapper(reportReader);
    }

    public CaseFragment read(RawRecord record, String text) throws RecordRejection, RecordSkip {
        String type = resourceType(record, text);
        if (!USED_TYPES.contains(type)) {
            throw new RecordSkip(knownTypes.contains(type)
                    ? "FHIR resource type not used by the case: " + type
                    : "unknown FHIR resource type: " + type);
        }
        Resource resource;
        try {
            resource = (Resource) parser.parseResource(text);
        } catch (DataFormatException | ClassCastException e) {
            throw new RecordRejection(RejectionCode.INVALID_FHIR, "not a valid FHIR R4 " + type + ": "
                    + firstLine(e.getMessage()));
        }
        String identity = type + "/" + (resource.hasIdElement() ? resource.getIdElement().getIdPart() : "?");
        if (!resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
            throw new RecordRejection(RejectionCode.MISSING_FIELD, type + " without an id");
        }
        FhirSource source = new FhirSource(record, identity);
        if (resource instanceof Patient patient) {
            return PatientMapper.map(patient, source);
        } else if (resource instanceof Condition condition) {
            return ConditionMapper.map(condition, source);
        } else if (resource instanceof Observation observation) {
            return observations.map(observation, source);
        } else if (resource instanceof DiagnosticReport report) {
            return reports.map(report, source);
        } else if (resource instanceof AllergyIntolerance allergy) {
            return safety.allergy(allergy, source);
        } else if (resource instanceof Device device) {
            return safety.device(device, source);
        } else if (resource instanceof Procedure procedure) {
            return ProcedureMapper.map(procedure, source);
        }
        return safety.serviceRequest((ServiceRequest) resource, source);
    }

    private String resourceType(RawRecord record, String text) throws RecordRejection {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RecordRejection(RejectionCode.BROKEN_JSON, "broken JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new RecordRejection(RejectionCode.BROKEN_JSON, "a FHIR resource must be a JSON object");
        }
        JsonNode type = node.get("resourceType");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new RecordRejection(RejectionCode.MISSING_FIELD, "no resourceType");
        }
        return type.asText();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
