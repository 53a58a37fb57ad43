package io.tumorboard.pipeline.fhir;

import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.PrimaryCancer;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RecordSkip;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;

/**
 * Condition to the primary cancer (mCODE PrimaryCancerCondition): ICD-10 / ICD-O-3 topography, body site and
 * laterality, histology with its ICD-O-3 morphology from the histology-morphology-behavior extension. A
 * Condition that is not a malignancy (ICD-10 chapter C) or is a secondary cancer is skipped, not rejected.
 */
final class ConditionMapper {

    private static final Pattern TOPOGRAPHY = Pattern.compile("^C\\d{2}(\\.\\d{1,2})?");
    private static final Pattern MORPHOLOGY = Pattern.compile("\\b(\\d{4}/\\d)\\b");
    /** SNOMED CT laterality qualifiers, as mCODE's laterality extension codes them. */
    private static final String LEFT = "7771000";
    private static final String RIGHT = "24028007";
    private static final String BILATERAL = "51440002";

    private ConditionMapper() {
    }

    static CaseFragment map(Condition condition, FhirSource source) throws RecordRejection, RecordSkip {
        String profile = condition.getMeta().getProfile().toString();
        if (profile.contains("secondary-cancer")) {
            throw new RecordSkip("Condition: secondary cancer (metastasis) conditions are not in case schema 1.0");
        }
        String topography = bodySiteTopography(condition);
        if (topography == null) {
            topography = topography(condition.getCode());
        }
        if (topography == null && !profile.contains("primary-cancer")) {
            throw new RecordSkip("Condition: not a malignant neoplasm (no ICD-10 C code, no mCODE primary-cancer "
                    + "profile)");
        }
        String patient = FhirValues.patientId(condition.getSubject(), source.identity());
        CodeableConcept histologyConcept = histologyConcept(condition);
        String histology = histologyConcept == null ? FhirValues.text(condition.getCode())
                : FhirValues.text(histologyConcept);
        String morphology = histologyConcept == null ? null : morphology(histologyConcept);
        String bodySite = condition.getBodySite().isEmpty() ? null : FhirValues.text(condition.getBodySiteFirstRep());
        LocalDate diagnosed = condition.hasOnsetDateTimeType() ? FhirValues.day(condition.getOnsetDateTimeType())
                : condition.hasRecordedDateElement() ? FhirValues.day(condition.getRecordedDateElement()) : null;
        PrimaryCancer cancer = new PrimaryCancer(topography, bodySite, laterality(condition), histology, morphology,
                diagnosed, source.ref(diagnosed));
        return source.fragment(patient, FragmentKind.CONDITION, diagnosed, cancer);
    }

    private static String topography(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            String system = coding.getSystem() == null ? "" : coding.getSystem().toLowerCase(Locale.ROOT);
            if ((system.contains("icd-10") || system.contains("icd-o") || system.endsWith("2.16.840.1.113883.6.90"))
                    && coding.hasCode()) {
                Matcher m = TOPOGRAPHY.matcher(coding.getCode().toUpperCase(Locale.ROOT));
                if (m.find()) {
                    String value = m.group();
                    return value.length() > 5 ? value.substring(0, 5) : value;
                }
            }
        }
        return null;
    }

    /** mCODE codes the primary's site in bodySite, with an ICD-O-3 topography coding beside SNOMED CT. */
    private static String bodySiteTopography(Condition condition) {
        for (CodeableConcept site : condition.getBodySite()) {
            String code = topography(site);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    private static CodeableConcept histologyConcept(Condition condition) {
        for (Extension extension : condition.getExtension()) {
            if (extension.getUrl() != null && extension.getUrl().contains("histology-morphology")
                    && extension.getValue() instanceof CodeableConcept concept) {
                return concept;
            }
        }
        return null;
    }

    private static String morphology(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            for (String candidate : new String[] {coding.getCode(), coding.getDisplay()}) {
                if (candidate != null) {
                    Matcher m = MORPHOLOGY.matcher(candidate);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
        }
        return null;
    }

    private static Laterality laterality(Condition condition) {
        List<Element> places = new ArrayList<>(condition.getBodySite());
        for (CodeableConcept site : condition.getBodySite()) {
            collectExtensions(site, places);
        }
        Laterality found = Laterality.UNKNOWN;
        for (Element place : places) {
            Laterality side = side(place);
            if (side != Laterality.UNKNOWN) {
                found = side;
            }
        }
        return found;
    }

    private static void collectExtensions(Element element, List<Element> into) {
        for (Extension extension : element.getExtension()) {
            into.add(extension);
            collectExtensions(extension, into);
        }
    }

    private static Laterality side(Element place) {
        CodeableConcept concept = place instanceof Extension ext && ext.getValue() instanceof CodeableConcept c ? c
                : place instanceof CodeableConcept c2 ? c2 : null;
        if (concept == null) {
            return Laterality.UNKNOWN;
        }
        for (Coding coding : concept.getCoding()) {
            if (LEFT.equals(coding.getCode())) {
                return Laterality.LEFT;
            } else if (RIGHT.equals(coding.getCode())) {
                return Laterality.RIGHT;
            } else if (BILATERAL.equals(coding.getCode())) {
                return Laterality.BILATERAL;
            }
        }
        String text = String.valueOf(FhirValues.text(concept)).toLowerCase(Locale.ROOT);
        if (text.contains("bilateral") || text.contains("both")) {
            return Laterality.BILATERAL;
        }
        return text.matches(".*\\bleft\\b.*") ? Laterality.LEFT
                : text.matches(".*\\bright\\b.*") ? Laterality.RIGHT : Laterality.UNKNOWN;
    }
}
