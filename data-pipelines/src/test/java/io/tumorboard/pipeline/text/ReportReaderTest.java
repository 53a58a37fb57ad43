package io.tumorboard.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.ExtractedFact;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportReaderTest {

    private final ReportReader reader = new ReportReader();

    private List<String> facts(String text) {
        return reader.read(text, ReportText.Kind.PATHOLOGY).stream()
                .map(f -> f.field() + "=" + f.value() + (f.negated() ? " (negated)" : "")).toList();
    }

    @Test
    void synopticLungReportGivesStageHistologySizeAndBiomarkers() {
        assertThat(facts("SURGICAL PATHOLOGY\nRight upper lobe, lobectomy:\n- Adenocarcinoma, acinar predominant, "
                + "moderately differentiated.\n- Tumor size: 3.4 x 2.8 x 2.0 cm.\n- Visceral pleural invasion: present "
                + "(PL1).\n- Bronchial margin free of tumor.\n- pT2a N0 MX\nEGFR mutation detected (exon 19 deletion). "
                + "ALK negative. PD-L1 TPS 60%.\n"))
                .contains("PATHOLOGICAL_T=T2a", "PATHOLOGICAL_N=N0", "PATHOLOGICAL_M=MX", "GRADE=G2",
                        "TUMOR_SIZE_MM=34", "PLEURAL_INVASION=PRESENT", "MARGIN=NEGATIVE (negated)",
                        "EGFR=POSITIVE", "ALK=NEGATIVE (negated)", "PDL1_TPS=60", "LATERALITY=RIGHT",
                        "HISTOLOGY=Adenocarcinoma, acinar", "MORPHOLOGY_CODE=8550/3");
    }

    @Test
    void negatedFindingsAreMarkedNegated() {
        assertThat(facts("Invasive ductal carcinoma. No lymphovascular invasion identified. Margins are negative."))
                .contains("LYMPHOVASCULAR_INVASION=ABSENT (negated)", "MARGIN=NEGATIVE (negated)");
        assertThat(facts("Lymphovascular invasion: present.")).contains("LYMPHOVASCULAR_INVASION=PRESENT");
    }

    @Test
    void ocrNoiseInTnmTokensIsTolerated() {
        assertThat(facts("Pathological T. T2b. Pathological N. N1. Clinical M. MO."))
                .contains("PATHOLOGICAL_T=T2b", "PATHOLOGICAL_N=N1", "CLINICAL_M=M0");
        assertThat(facts("stage: pT 1c pN0")).contains("PATHOLOGICAL_T=T1c", "PATHOLOGICAL_N=N0");
        assertThat(facts("PT2N1MX")).contains("PATHOLOGICAL_T=T2", "PATHOLOGICAL_N=N1", "PATHOLOGICAL_M=MX");
    }

    @Test
    void onlyASizeIsReadAsASizeAndNotAsAStage() {
        List<String> read = facts("Tumour Size (cm). 6.9000000000000004. Histology. Squamous carcinoma.");
        assertThat(read).contains("TUMOR_SIZE_MM=69", "HISTOLOGY=Squamous cell carcinoma");
        assertThat(read).noneMatch(f -> f.startsWith("PATHOLOGICAL_T"));
    }

    @Test
    void theLabelledTumourSizeWinsAndADistanceToTheMarginIsNoSize() {
        assertThat(facts("Gross description: a lobectomy specimen measuring 11.5 x 8.3 x 3.7 cm. Sectioning reveals "
                + "a 3.7 cm tan-white firm mass, 1.2 cm from the bronchial margin.\nTumor size: 3.6 cm (greatest "
                + "dimension)")).contains("TUMOR_SIZE_MM=36");
        assertThat(facts("Sectioning reveals a 3.7 cm tan-white firm mass, 1.2 cm from the bronchial margin."))
                .contains("TUMOR_SIZE_MM=37");
    }

    @Test
    void aSizeWhoseTumourWordFollowsItIsTheTumourSize() {
        assertThat(facts("Macroscopy: lobe with a firm grey-white tumour, max. 28 mm in size, centrally located."))
                .contains("TUMOR_SIZE_MM=28");
        assertThat(reader.read("Findings: There is a 13 mm lobulated mass in the right upper lobe. Enlarged hilar "
                + "lymph node, 14 mm short axis.", ReportText.Kind.RADIOLOGY))
                .extracting(f -> f.field() + "=" + f.value()).contains("TUMOR_SIZE_MM=13");
    }

    @Test
    void sccIsSquamousCellCarcinoma() {
        assertThat(facts("LUNG, RIGHT UPPER LOBE, NEEDLE BIOPSY:\n- SCC.\n- P40 POSITIVE, CK5/6 POSITIVE."))
                .contains("HISTOLOGY=Squamous cell carcinoma", "MORPHOLOGY_CODE=8070/3");
    }

    @Test
    void everyFactSpanPointsAtItsEvidence() {
        String text = "Right breast: infiltrating ductal carcinoma, 2.1 cm. pT2 pN0.";
        for (ExtractedFact fact : reader.read(text, ReportText.Kind.PATHOLOGY)) {
            assertThat(fact.start()).isBetween(0, text.length());
            assertThat(fact.end()).isBetween(fact.start() + 1, text.length());
        }
        assertThat(facts(text)).contains("HISTOLOGY=Infiltrating duct carcinoma", "MORPHOLOGY_CODE=8500/3",
                "TUMOR_SIZE_MM=21");
    }

    @Test
    void radiologyResponseIsReadAsItsRecistCategory() {
        assertThat(reader.read("CT chest: partial response of the right upper lobe mass.", ReportText.Kind.RADIOLOGY))
                .extracting(f -> f.field() + "=" + f.value()).contains("RESPONSE=PR", "LATERALITY=RIGHT");
    }
}
