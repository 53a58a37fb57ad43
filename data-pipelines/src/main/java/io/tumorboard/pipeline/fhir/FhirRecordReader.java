package io.tumorboard.pipeline.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.RawRecord;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RecordSkip;
import io.tumorboard.pipeline.ingest.RejectionCode;
import io.tumorboard.pipeline.text.ReportReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * One NDJSON line to one case fragment. The resource type is read first with Jackson's token stream so that broken JSON
 * and unused or unknown types are told apart cheaply; only the types the case uses go through HAPI's strict
 * parser, whose errors (a string where a number belongs, an unknown element) reject the record.
 */
public final class FhirRecordReader {

    private static final Set<String> USED_TYPES = Set.of("Patient", "Condition", "Observation",
            "DiagnosticReport", "AllergyIntolerance", "Device", "ServiceRequest", "Procedure",
            "MedicationAdministration", "MedicationRequest");

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    private final JsonFactory json = new JsonFactory();
    private final Set<String> knownTypes = fhir.getResourceTypes();
    private final ObservationMapper observations = new ObservationMapper();
    private final DiagnosticReportMapper reports;
    private final SafetyResourceMapper safety = new SafetyResourceMapper();

    public FhirRecordReader(ReportReader reportReader) {
        this.reports = new DiagnosticReportMapper(reportReader);
    }

    public CaseFragment read(RawRecord record, String text) throws RecordRejection, RecordSkip {
        String type = resourceType(text);
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
        } else if (resource instanceof MedicationAdministration given) {
            return MedicationMapper.administration(given, source);
        } else if (resource instanceof MedicationRequest request) {
            return MedicationMapper.request(request, source);
        }
        return safety.serviceRequest((ServiceRequest) resource, source);
    }

    /**
     * The resource type, from one pass of Jackson's token stream over the whole line: that is enough to tell broken
     * JSON from a FHIR error, and it builds no tree (an earlier {@code readTree} here cost a quarter of HAPI's own
     * parse of the same line).
     */
    private String resourceType(String text) throws RecordRejection {
        String type = null;
        try (JsonParser tokens = json.createParser(text)) {
            if (tokens.nextToken() != JsonToken.START_OBJECT) {
                throw new RecordRejection(RejectionCode.BROKEN_JSON, "a FHIR resource must be a JSON object");
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken token = tokens.nextToken();
                if (token == null) {
                    throw new RecordRejection(RejectionCode.BROKEN_JSON, "broken JSON: unexpected end of input");
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (depth == 1 && token == JsonToken.FIELD_NAME && type == null
                        && "resourceType".equals(tokens.currentName())) {
                    JsonToken value = tokens.nextToken();
                    type = value == JsonToken.VALUE_STRING ? tokens.getText() : "";
                    if (value.isStructStart()) {
                        depth++;
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new RecordRejection(RejectionCode.BROKEN_JSON, "broken JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail", e);
        }
        if (type == null || type.isBlank()) {
            throw new RecordRejection(RejectionCode.MISSING_FIELD, "no resourceType");
        }
        return type;
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
