package io.tumorboard.pipeline.cohort;

import java.util.LinkedHashMap;
import java.util.Map;

/** The lines of truth/&lt;site&gt;/*.jsonl as ordered maps (ordered, so the bytes never change between runs). */
final class TruthRecords {

    private TruthRecords() {
    }

    static Map<String, Object> patient(LatentPatient p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mrn", p.mrn());
        m.put("caseKey", p.caseKey());
        m.put("site", p.site());
        m.put("patientResourceId", new ResourceIds(p).patient());
        m.put("sex", p.sex());
        m.put("birthDate", p.birthDate().toString());
        m.put("diagnosisDate", p.diagnosisDate().toString());
        m.put("ageYears", p.ageYears());
        m.put("histology", p.histology().display());
        m.put("morphologyCode", p.histology().icdO3());
        m.put("laterality", p.laterality().name());
        m.put("topographyCode", p.lobe().topography());
        m.put("tumorSizeMm", p.sizeMm());
        m.put("invadesT4Structure", p.invadesT4Structure());
        m.put("t8th", p.t());
        m.put("n", p.n());
        m.put("m8th", p.m());
        m.put("stageGroup8th", p.group());
        m.put("documentedEdition", p.documentedEdition().name());
        m.put("tDocumentedEdition", p.documentedT());
        m.put("mDocumentedEdition", p.documentedM());
        m.put("stageGroupDocumentedEdition", p.documentedGroup());
        m.put("ecog", p.ecog());
        m.put("smoking", p.smoking().name());
        m.put("packYears", p.packYears());
        m.put("egfrTrue", p.egfr());
        m.put("lymphovascularInvasion", p.lymphovascularInvasion());
        m.put("marginPositive", p.marginPositive());
        m.put("surgery", p.surgery());
        m.put("surgeryDate", p.surgeryDate() == null ? null : p.surgeryDate().toString());
        m.put("neoadjuvantTherapy", p.neoadjuvant());
        m.put("neoadjuvantStartDate", p.neoadjuvantDate() == null ? null : p.neoadjuvantDate().toString());
        Map<String, Double> signal = new LinkedHashMap<>();
        for (int i = 0; i < RadiomicsFeatures.SIGNAL_FEATURES.size(); i++) {
            signal.put(RadiomicsFeatures.SIGNAL_FEATURES.get(i), p.radiomicsSignal()[i]);
        }
        m.put("radiomicsSignalZ", signal);
        m.put("linearPredictor", p.linearPredictor());
        m.put("linearPredictorWithoutPathologyFindings", SurvivalModel.withoutPathologyFindings(p.group(),
                p.ageYears(), p.ecog(), p.histology(), p.radiomicsSignal()));
        m.put("latentEventDays", p.eventDays());
        m.put("followUpDays", p.followUpDays());
        m.put("event", p.death());
        m.put("lastKnownDate", p.lastKnownDate().toString());
        m.put("hasImaging", p.hasImaging());
        m.put("hasPathology", p.hasPathology());
        return m;
    }

    static Map<String, Object> discrepancy(LatentPatient p, InjectedDiscrepancy d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseKey", p.caseKey());
        m.put("mrn", p.mrn());
        m.put("type", d.type().name());
        m.put("descriptor", d.descriptor());
        m.put("sourceA", d.sourceA());
        m.put("sourceB", d.sourceB());
        m.put("values", d.values());
        m.put("note", d.note());
        return m;
    }

    static Map<String, Object> rejection(String file, int line, ExportFile.Line malformed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("line", line);
        m.put("kind", malformed.kind().name());
        m.put("reason", malformed.reason());
        return m;
    }
}
