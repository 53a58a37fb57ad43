package io.tumorboard.pipeline.fhir;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.LabResult;
import io.tumorboard.model.cases.SmokingStatus;
import io.tumorboard.model.cases.StageObservation;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.CodedValue;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RejectionCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Observation to a staging value, ECOG, smoking status, eGFR, tumour size or pregnancy status, by its LOINC or
 * SNOMED CT code.
 * An Observation with any other code is rejected naming the code: a coded value the case cannot place would
 * otherwise vanish without trace.
 */
final class ObservationMapper {

    static final String ECOG = "89247-1";
    static final String SMOKING = "72166-2";
    static final String EGFR = "62238-1";
    static final String TUMOR_SIZE = "21889-1";
    static final String PREGNANCY = "82810-3";

    /** LOINC answer list LL529-9 (ECOG performance status). */
    private static final Map<String, Integer> ECOG_ANSWERS = Map.of("LA9622-7", 0, "LA9623-5", 1, "LA9624-3", 2,
            "LA9625-0", 3, "LA9626-8", 4, "LA9627-6", 5);
    /** LOINC answers of 72166-2 and the SNOMED CT findings mCODE / US Core use for them. */
    private static final Map<String, SmokingStatus> SMOKING_ANSWERS = Map.ofEntries(
            Map.entry("LA18976-3", SmokingStatus.CURRENT), Map.entry("LA18977-1", SmokingStatus.CURRENT),
            Map.entry("LA18981-3", SmokingStatus.CURRENT), Map.entry("LA18982-1", SmokingStatus.CURRENT),
            Map.entry("LA15920-4", SmokingStatus.FORMER), Map.entry("LA18978-9", SmokingStatus.NEVER),
            Map.entry("LA18980-5", SmokingStatus.UNKNOWN), Map.entry("LA18979-7", SmokingStatus.UNKNOWN),
            Map.entry("449868002", SmokingStatus.CURRENT), Map.entry("428041000124106", SmokingStatus.CURRENT),
            Map.entry("77176002", SmokingStatus.CURRENT), Map.entry("8517006", SmokingStatus.FORMER),
            Map.entry("266919005", SmokingStatus.NEVER), Map.entry("266927001", SmokingStatus.UNKNOWN));
    /**
     * Answers of LOINC 82810-3 Pregnancy status: the SNOMED CT findings US Core and IPS use (77386006 Pregnant,
     * 60001007 Not pregnant, 261665006 Unknown) and the LOINC answer list LL4129-4 (LA15173-0, LA26683-5, LA4489-6).
     */
    private static final Map<String, PregnancyStatus> PREGNANCY_ANSWERS = Map.of(
            "77386006", PregnancyStatus.PREGNANT, "60001007", PregnancyStatus.NOT_PREGNANT,
            "261665006", PregnancyStatus.UNKNOWN, "LA15173-0", PregnancyStatus.PREGNANT,
            "LA26683-5", PregnancyStatus.NOT_PREGNANT, "LA4489-6", PregnancyStatus.UNKNOWN);

    /** What a pregnancy status Observation states; the case keeps only pregnant or not, unknown is not recorded. */
    enum PregnancyStatus { PREGNANT, NOT_PREGNANT, UNKNOWN }

    CaseFragment map(Observation observation, FhirSource source) throws RecordRejection {
        String id = source.identity();
        String patient = FhirValues.patientId(observation.getSubject(), id);
        LocalDate date = observation.hasEffectiveDateTimeType()
                ? FhirValues.day(observation.getEffectiveDateTimeType())
                : observation.hasEffectivePeriod() ? FhirValues.day(observation.getEffectivePeriod().getStartElement())
                : observation.hasIssuedElement() ? FhirValues.day(observation.getIssuedElement()) : null;
        for (Coding coding : observation.getCode().getCoding()) {
            String code = coding.getCode();
            StagingCodes.StagingCode staging = code == null ? null : StagingCodes.BY_CODE.get(code);
            if (staging != null) {
                String raw = stageValue(observation.getValue() instanceof CodeableConcept c ? c : null, id);
                String value = StageValues.normalise(staging.descriptor(), raw).orElseThrow(() -> new RecordRejection(
                        RejectionCode.UNKNOWN_CODE, id + ": '" + raw + "' is not a " + staging.descriptor()
                        + " staging value"));
                AjccEdition edition = AjccEdition.fromSnomed(
                        FhirValues.coding(observation.getMethod(), FhirValues.SNOMED).map(Coding::getCode).orElse(null));
                return source.fragment(patient, FragmentKind.STAGE, date, new StageObservation(staging.basis(),
                        staging.descriptor(), value, edition, date, source.ref(date)));
            }
            if (ECOG.equals(code)) {
                return source.fragment(patient, FragmentKind.ECOG, date,
                        new CodedValue(Integer.toString(ecog(observation, id)), null, source.ref(date)));
            }
            if (SMOKING.equals(code)) {
                return source.fragment(patient, FragmentKind.SMOKING, date,
                        new CodedValue(answer(observation, id, SMOKING_ANSWERS, "smoking status").name(),
                                packYears(observation), source.ref(date)));
            }
            if (EGFR.equals(code)) {
                Quantity q = quantity(observation, id);
                return source.fragment(patient, FragmentKind.LAB, date, new LabResult(EGFR, "eGFR",
                        q.getValue().doubleValue(), q.hasCode() ? q.getCode() : q.getUnit(), date, source.ref(date)));
            }
            if (PREGNANCY.equals(code)) {
                return source.fragment(patient, FragmentKind.PREGNANCY, date,
                        new CodedValue(answer(observation, id, PREGNANCY_ANSWERS, "pregnancy status").name(),
                                null, source.ref(date)));
            }
            if (TUMOR_SIZE.equals(code)) {
                return source.fragment(patient, FragmentKind.TUMOR_SIZE, date, new LabResult(TUMOR_SIZE,
                        "Tumor size", millimetres(quantity(observation, id), id), "mm", date, source.ref(date)));
            }
        }
        throw new RecordRejection(RejectionCode.UNKNOWN_CODE, id + " has a code the case does not know: "
                + FhirValues.codes(observation.getCode()));
    }

    private static String stageValue(CodeableConcept value, String id) throws RecordRejection {
        if (value == null || value.getCoding().isEmpty() && !value.hasText()) {
            throw new RecordRejection(RejectionCode.MISSING_FIELD, id + ": a staging Observation needs a "
                    + "valueCodeableConcept");
        }
        for (Coding coding : value.getCoding()) {
            if (coding.hasCode() && !coding.getCode().chars().allMatch(Character::isDigit)) {
                return coding.getCode();
            }
        }
        // A SNOMED CT concept id (all digits) says nothing readable by itself: its display does.
        return FhirValues.text(value);
    }

    /** Pack-years as a component (LOINC 8664-5, or SNOMED CT 401201003) of the smoking status observation. */
    private static Double packYears(Observation observation) {
        for (var component : observation.getComponent()) {
            boolean packYears = component.getCode().getCoding().stream()
                    .anyMatch(c -> "8664-5".equals(c.getCode()) || "401201003".equals(c.getCode()));
            if (packYears && component.hasValueQuantity() && component.getValueQuantity().hasValue()) {
                return component.getValueQuantity().getValue().doubleValue();
            }
        }
        return null;
    }

    private static int ecog(Observation observation, String id) throws RecordRejection {
        if (observation.hasValueIntegerType()) {
            int grade = observation.getValueIntegerType().getValue();
            if (grade >= 0 && grade <= 5) {
                return grade;
            }
            throw new RecordRejection(RejectionCode.BAD_VALUE, id + ": ECOG " + grade + " is outside 0-5");
        }
        if (observation.getValue() instanceof CodeableConcept concept) {
            for (Coding coding : concept.getCoding()) {
                Integer grade = coding.getCode() == null ? null : ECOG_ANSWERS.get(coding.getCode());
                if (grade == null && coding.getCode() != null && coding.getCode().matches("[0-5]")) {
                    grade = Integer.parseInt(coding.getCode());
                }
                if (grade != null) {
                    return grade;
                }
            }
            throw new RecordRejection(RejectionCode.UNKNOWN_CODE, id + ": unknown ECOG answer "
                    + FhirValues.codes(concept));
        }
        throw new RecordRejection(RejectionCode.MISSING_FIELD, id + ": ECOG needs valueInteger or a LOINC answer");
    }

    /** The coded answer of an Observation, looked up among the answers its code allows. */
    private static <T> T answer(Observation observation, String id, Map<String, T> answers, String what)
            throws RecordRejection {
        if (observation.getValue() instanceof CodeableConcept concept) {
            for (Coding coding : concept.getCoding()) {
                T value = coding.getCode() == null ? null : answers.get(coding.getCode());
                if (value != null) {
                    return value;
                }
            }
            throw new RecordRejection(RejectionCode.UNKNOWN_CODE, id + ": unknown " + what + " "
                    + FhirValues.codes(concept));
        }
        throw new RecordRejection(RejectionCode.MISSING_FIELD, id + ": " + what + " needs a valueCodeableConcept");
    }

    private static Quantity quantity(Observation observation, String id) throws RecordRejection {
        if (!observation.hasValueQuantity() || !observation.getValueQuantity().hasValue()) {
            throw new RecordRejection(RejectionCode.MISSING_FIELD, id + " needs a valueQuantity with a value");
        }
        return observation.getValueQuantity();
    }

    private static double millimetres(Quantity quantity, String id) throws RecordRejection {
        String unit = (quantity.hasCode() ? quantity.getCode() : String.valueOf(quantity.getUnit()))
                .toLowerCase(Locale.ROOT);
        BigDecimal value = quantity.getValue();
        return switch (unit) {
            case "mm" -> value.doubleValue();
            case "cm" -> value.movePointRight(1).doubleValue();
            default -> throw new RecordRejection(RejectionCode.BAD_VALUE, id + ": tumour size in '" + unit
                    + "', expected mm or cm");
        };
    }
}
