package io.tumorboard.model.rules.safety;

import static io.tumorboard.model.rules.CaseFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.MrSafety;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyChecksTest {

    private final SafetyChecks checks = new SafetyChecks();

    private List<CaseFlag> flags(PatientCase c, FlagType type) {
        return checks.check(c).stream().filter(f -> f.type() == type).toList();
    }

    @Test
    void iodinatedContrastWithAPriorContrastReactionIsCriticalAndNamesTheAcrManual() {
        PatientCase c = patient("a1").allergy("Iodinated contrast media", "urticaria").egfr(80, 10)
                .planned("CT chest with contrast", "CT", true, false, true, 12).build();
        CaseFlag flag = flags(c, FlagType.CONTRAST_ALLERGY).get(0);
        assertThat(flag.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(flag.ruleSource()).contains("ACR Manual on Contrast Media");
        assertThat(flag.evidence()).extracting(e -> e.label()).containsExactly("planned procedure", "allergy");
    }

    @Test
    void contrastIsRecognisedFromTheDescriptionWhenTheCodedFieldIsFalse() {
        PatientCase c = patient("a2").allergy("Omnipaque (iohexol)", "anaphylaxis").egfr(80, 10)
                .planned("CT abdomen with contrast", "CT", false, false, true, 12).build();
        assertThat(flags(c, FlagType.CONTRAST_ALLERGY)).hasSize(1);
    }

    @Test
    void aReactionToTheOtherContrastClassIsAWarning() {
        PatientCase c = patient("a3").allergy("Gadolinium-based contrast agent", "hives")
                .planned("CT chest with contrast", "CT", true, false, true, 12).egfr(80, 10).build();
        assertThat(flags(c, FlagType.CONTRAST_ALLERGY)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void unrelatedAllergyOrNonContrastScanRaisesNoAllergyFlag() {
        PatientCase c = patient("a4").allergy("Penicillin", "rash").allergy("Iodinated contrast media", "urticaria")
                .planned("CT chest without contrast", "CT", false, false, true, 12).build();
        assertThat(flags(c, FlagType.CONTRAST_ALLERGY)).isEmpty();
        PatientCase d = patient("a5").allergy("Shellfish", "urticaria").egfr(80, 10)
                .planned("CT chest with contrast", "CT", true, false, true, 12).build();
        assertThat(flags(d, FlagType.CONTRAST_ALLERGY)).as("ACR: shellfish allergy is no contrast risk").isEmpty();
    }

    @Test
    void eGfrUnderThirtyBeforeIodinatedContrastIsCritical() {
        PatientCase c = patient("e1").egfr(24, 5).planned("CT chest with contrast", "CT", true, false, true, 12).build();
        CaseFlag flag = flags(c, FlagType.CONTRAST_RENAL_RISK).get(0);
        assertThat(flag.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(flag.evidence().get(1).value()).isEqualTo("24 mL/min/1.73m2");
    }

    @Test
    void eGfrThresholdIsStrictlyUnderThirtyAndUsesTheLatestValueBeforeTheScan() {
        PatientCase atThirty = patient("e2").egfr(30, 5).planned("CT", "CT", true, false, true, 12).build();
        assertThat(flags(atThirty, FlagType.CONTRAST_RENAL_RISK)).isEmpty();
        PatientCase recovered = patient("e3").egfr(22, 1).egfr(55, 8).planned("CT", "CT", true, false, true, 12).build();
        assertThat(flags(recovered, FlagType.CONTRAST_RENAL_RISK)).isEmpty();
        PatientCase worsened = patient("e4").egfr(55, 1).egfr(22, 8).egfr(70, 20)
                .planned("CT", "CT", true, false, true, 12).build();
        assertThat(flags(worsened, FlagType.CONTRAST_RENAL_RISK)).as("the value after the scan does not count")
                .hasSize(1);
    }

    @Test
    void eGfrInMillilitresPerSecondIsConverted() {
        PatientCase c = patient("e5").lab("33914-3", "GFR estimated", 0.4, "mL/s/1.73m2", 5)
                .planned("CT", "CT", true, false, true, 12).build();
        assertThat(flags(c, FlagType.CONTRAST_RENAL_RISK)).hasSize(1);
    }

    @Test
    void noRecentEgfrForAPatientOverSixtyIsAWarning() {
        PatientCase c = patient("e6").demographics("female", 71).egfr(70, -200)
                .planned("CT chest with contrast", "CT", true, false, true, 12).build();
        assertThat(flags(c, FlagType.CONTRAST_RENAL_RISK)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        PatientCase young = patient("e7").demographics("male", 45)
                .planned("CT chest with contrast", "CT", true, false, true, 12).build();
        assertThat(flags(young, FlagType.CONTRAST_RENAL_RISK)).isEmpty();
    }

    @Test
    void gadoliniumWithEgfrUnderThirtyIsAWarning() {
        PatientCase c = patient("e8").egfr(20, 5).planned("MRI brain with gadolinium", "MR", false, true, false, 12)
                .build();
        assertThat(flags(c, FlagType.CONTRAST_RENAL_RISK)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void mriWithAnMrUnsafeDeviceIsCritical() {
        PatientCase c = patient("m1").device("Cardiac pacemaker (legacy)", MrSafety.MR_UNSAFE, false)
                .planned("MRI brain", "MR", false, false, false, 12).build();
        assertThat(flags(c, FlagType.MRI_UNSAFE_DEVICE)).singleElement()
                .satisfies(f -> assertThat(f.ruleSource()).contains("ASTM F2503"));
    }

    @Test
    void mrConditionalWithoutConditionsOrUnknownStatusIsUndocumented() {
        PatientCase c = patient("m2").device("Neurostimulator", MrSafety.MR_CONDITIONAL, false)
                .device("Aneurysm clip", MrSafety.UNKNOWN, false).device("Stent", null, false)
                .planned("MR spine", "MR", false, false, false, 12).build();
        assertThat(flags(c, FlagType.MRI_CONDITIONAL_DEVICE_UNDOCUMENTED)).hasSize(3);
    }

    @Test
    void mrSafeOrDocumentedConditionalDevicesAndNonMriScansRaiseNothing() {
        PatientCase c = patient("m3").device("Titanium plate", MrSafety.MR_SAFE, false)
                .device("ICD", MrSafety.MR_CONDITIONAL, true).planned("MRI brain", "MR", false, false, false, 12)
                .build();
        assertThat(checks.check(c)).isEmpty();
        PatientCase ct = patient("m4").device("Pacemaker", MrSafety.MR_UNSAFE, false).egfr(90, 10)
                .planned("CT chest", "CT", false, false, true, 12).build();
        assertThat(flags(ct, FlagType.MRI_UNSAFE_DEVICE)).isEmpty();
    }

    @Test
    void ionisingImagingInPregnancyIsCriticalAndUnknownStatusAtReproductiveAgeIsAWarning() {
        PatientCase pregnant = patient("p1").demographics("female", 34).pregnant(true)
                .planned("PET-CT", "PT", false, false, true, 12).build();
        assertThat(flags(pregnant, FlagType.RADIATION_IN_PREGNANCY)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        PatientCase unknown = patient("p2").demographics("female", 34)
                .planned("Chest X-ray", "CR", false, false, false, 12).build();
        assertThat(flags(unknown, FlagType.RADIATION_IN_PREGNANCY)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void noRadiationFlagForMriOrWhenNotPregnant() {
        PatientCase mri = patient("p3").demographics("female", 30).pregnant(true)
                .planned("MRI pelvis", "MR", false, false, false, 12).build();
        PatientCase notPregnant = patient("p4").demographics("female", 30).pregnant(false)
                .planned("CT chest", "CT", false, false, true, 12).build();
        assertThat(flags(mri, FlagType.RADIATION_IN_PREGNANCY)).isEmpty();
        assertThat(flags(notPregnant, FlagType.RADIATION_IN_PREGNANCY)).isEmpty();
    }
}
