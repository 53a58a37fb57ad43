package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.Laterality;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Writes a pathology report the way the patient's hospital writes them: a CAP-like synoptic checklist, an
 * upper-case narrative diagnosis, or scanned free text with OCR noise. Synonyms, abbreviations and negations
 * vary per report ("No lymphovascular invasion identified", "LVI: absent", "negative for angiolymphatic
 * invasion"), as they do in the TCGA reports. Only the text carries lymphovascular invasion and the margin.
 */
final class PathologyReportText {

    private PathologyReportText() {
    }

    static String write(LatentPatient p, Documentation d, ReportStyle style, RandomGenerator random) {
        String text = switch (style) {
            case SYNOPTIC -> synoptic(p, d, random);
            case NARRATIVE -> narrative(p, d, random);
            case SCANNED_FREE_TEXT -> scanned(p, d, random);
        };
        return switch (style) {
            case SYNOPTIC -> OcrNoise.apply(text, 0.01, 0, random);
            case NARRATIVE -> OcrNoise.apply(text, 0.02, 0, random);
            case SCANNED_FREE_TEXT -> OcrNoise.apply(text, 0.06, 70, random);
        };
    }

    private static String synoptic(LatentPatient p, Documentation d, RandomGenerator r) {
        StringBuilder s = new StringBuilder("SURGICAL PATHOLOGY REPORT\n");
        String side = side(d.reportLaterality(), false);
        if (!p.surgery()) {
            s.append("Specimen: Lung, ").append(side).append(' ').append(p.lobe().words())
                    .append(", CT-guided core needle biopsy\n");
            s.append("Histologic type: ").append(pick(d.reportHistology().reportWords(), r)).append('\n');
            s.append("Immunohistochemistry: ").append(ihc(d.reportHistology())).append('\n');
            s.append("Lymphovascular invasion: ").append(p.lymphovascularInvasion()
                    ? "Present" : pick(List.of("Not identified", "Cannot be assessed"), r)).append('\n');
            return s.toString();
        }
        s.append("LUNG TISSUE CHECKLIST\n");
        s.append("Procedure: ").append(side).append(' ').append(p.lobe().words()).append(" lobectomy\n");
        s.append("Tumor site: ").append(side).append(' ').append(p.lobe().words()).append('\n');
        s.append("Tumor size: ").append(cm(d.pathologySizeMm())).append(" cm (greatest dimension)\n");
        s.append("Histologic type: ").append(pick(d.reportHistology().reportWords(), r)).append('\n');
        s.append("Histologic grade: ").append(pick(List.of("G1, well differentiated", "G2, moderately differentiated",
                "G3, poorly differentiated"), r)).append('\n');
        s.append("Visceral pleural invasion: ").append(pick(List.of("Not identified", "Not identified (PL0)"), r))
                .append('\n');
        s.append("Lymphovascular invasion: ").append(p.lymphovascularInvasion()
                ? pick(List.of("Present", "Present (lymphatic)"), r) : pick(List.of("Not identified", "Absent"), r))
                .append('\n');
        s.append("Margins: ").append(p.marginPositive()
                ? pick(List.of("Involved by invasive carcinoma (bronchial margin)", "Positive, R1"), r)
                : pick(List.of("Uninvolved by invasive carcinoma", "Negative, R0"), r)).append('\n');
        s.append("Regional lymph nodes: ").append(nodes(d.pathological().n(), r)).append('\n');
        if (p.neoadjuvant()) {
            s.append("Treatment effect: present, residual viable tumor approximately 40%\n");
        }
        s.append("Pathologic stage classification (pTNM, AJCC ").append(p.documentedEdition().label())
                .append(" Edition): ").append(p.neoadjuvant() ? "yp" : "p").append(d.pathological().t())
                .append(" p").append(d.pathological().n()).append('\n');
        return s.toString();
    }

    private static String narrative(LatentPatient p, Documentation d, RandomGenerator r) {
        String side = side(d.reportLaterality(), true);
        String lobe = p.lobe().words().toUpperCase(Locale.ROOT);
        StringBuilder s = new StringBuilder("FINAL DIAGNOSIS:\n");
        if (!p.surgery()) {
            s.append("LUNG, ").append(side).append(' ').append(lobe).append(", NEEDLE BIOPSY:\n");
            s.append("- ").append(pick(d.reportHistology().reportWords(), r).toUpperCase(Locale.ROOT)).append(".\n");
            s.append("- ").append(ihc(d.reportHistology()).toUpperCase(Locale.ROOT)).append(".\n");
            s.append("COMMENT: Limited sample; tumor size and margins cannot be assessed.\n");
            return s.toString();
        }
        s.append("LUNG, ").append(side).append(' ').append(lobe).append(", LOBECTOMY:\n");
        s.append("- ").append(pick(List.of("INVASIVE ", "", "MODERATELY DIFFERENTIATED "), r))
                .append(pick(d.reportHistology().reportWords(), r).toUpperCase(Locale.ROOT))
                .append(" (").append(cm(d.pathologySizeMm())).append(" CM).\n");
        s.append("- ").append(p.lymphovascularInvasion()
                ? pick(List.of("LYMPHOVASCULAR INVASION IS PRESENT.", "ANGIOLYMPHATIC INVASION IDENTIFIED."), r)
                : pick(List.of("NO LYMPHOVASCULAR INVASION IDENTIFIED.", "NEGATIVE FOR ANGIOLYMPHATIC INVASION.",
                        "LVI: NOT SEEN."), r)).append('\n');
        s.append("- ").append(p.marginPositive()
                ? pick(List.of("CARCINOMA PRESENT AT THE BRONCHIAL MARGIN.", "VASCULAR MARGIN POSITIVE FOR CARCINOMA."), r)
                : pick(List.of("BRONCHIAL AND VASCULAR MARGINS ARE FREE OF TUMOR.",
                        "MARGINS NEGATIVE FOR CARCINOMA."), r)).append('\n');
        s.append("- LYMPH NODES: ").append(nodes(d.pathological().n(), r).toUpperCase(Locale.ROOT)).append(".\n");
        if (r.nextDouble() < 0.8) {
            s.append("- PATHOLOGIC STAGE: ").append(p.neoadjuvant() ? "yp" : "p").append(d.pathological().t())
                    .append(", ").append(d.pathological().n()).append(", MX (AJCC ")
                    .append(p.documentedEdition().label().toUpperCase(Locale.ROOT)).append(").\n");
        }
        return s.toString();
    }

    private static String scanned(LatentPatient p, Documentation d, RandomGenerator r) {
        String side = side(d.reportLaterality(), false);
        StringBuilder s = new StringBuilder("Material examined: ");
        if (!p.surgery()) {
            s.append("bronchoscopic biopsy, ").append(side).append(' ').append(p.lobe().words()).append(".\n");
            s.append("Microscopy: infiltrates of ").append(pick(d.reportHistology().reportWords(), r))
                    .append(". ").append(ihc(d.reportHistology())).append(".\n");
            s.append("Diagnosis: ").append(pick(d.reportHistology().reportWords(), r)).append(", ")
                    .append(side).append(' ').append(p.lobe().abbreviation()).append(".\n");
            return s.toString();
        }
        s.append(side).append(' ').append(p.lobe().words()).append(" (lobectomy specimen) with hilar lymph nodes.\n");
        s.append("Macroscopy: lobe with a firm grey-white tumour, max. ")
                .append(DocumentationPlanner.fmt(d.pathologySizeMm())).append(" mm in size, ")
                .append(r.nextBoolean() ? "close to the visceral pleura" : "centrally located").append(".\n");
        s.append("Microscopy: ").append(pick(d.reportHistology().reportWords(), r)).append(", ")
                .append(pick(List.of("moderately differentiated", "poorly differentiated", "G2"), r)).append(". ");
        s.append(p.lymphovascularInvasion()
                ? pick(List.of("Lymphangiosis carcinomatosa present (L1).", "Lymphovascular invasion present."), r)
                : pick(List.of("No lymphovascular invasion identified (L0).", "No evidence of lymphangiosis."), r))
                .append('\n');
        s.append(p.marginPositive()
                ? pick(List.of("Tumour reaches the bronchial resection margin (R1).",
                        "Resection margin involved."), r)
                : pick(List.of("Resection margins tumour-free (R0).", "Margins clear."), r)).append('\n');
        s.append("Lymph nodes: ").append(nodes(d.pathological().n(), r)).append(".\n");
        if (r.nextDouble() < 0.6) {
            s.append("Classification (UICC/AJCC ").append(p.documentedEdition().label()).append("): ")
                    .append(p.neoadjuvant() ? "yp" : "p").append(d.pathological().t()).append(" p")
                    .append(d.pathological().n()).append(" L").append(p.lymphovascularInvasion() ? 1 : 0)
                    .append(" R").append(p.marginPositive() ? 1 : 0).append(".\n");
        }
        return s.toString();
    }

    private static String nodes(String n, RandomGenerator r) {
        int examined = 8 + r.nextInt(12);
        return switch (n) {
            case "N0" -> "0/" + examined + " positive for metastatic carcinoma";
            case "N1" -> (1 + r.nextInt(2)) + "/" + examined + " positive (station 10/11, hilar)";
            case "N2" -> (2 + r.nextInt(3)) + "/" + examined + " positive (including station 7, subcarinal)";
            default -> (3 + r.nextInt(3)) + "/" + examined + " positive (including contralateral station 4)";
        };
    }

    private static String ihc(Histology histology) {
        return switch (histology) {
            case ADENOCARCINOMA -> "TTF-1 positive, Napsin A positive, p40 negative";
            case SQUAMOUS_CELL_CARCINOMA -> "p40 positive, CK5/6 positive, TTF-1 negative";
            case LARGE_CELL_CARCINOMA -> "TTF-1 negative, p40 negative, neuroendocrine markers negative";
        };
    }

    static String side(Laterality laterality, boolean upper) {
        String side = laterality == Laterality.LEFT ? "left" : "right";
        return upper ? side.toUpperCase(Locale.ROOT) : side.substring(0, 1).toUpperCase(Locale.ROOT) + side.substring(1);
    }

    static String cm(double mm) {
        return DocumentationPlanner.fmt(Math.round(mm) / 10.0);
    }

    static <T> T pick(List<T> options, RandomGenerator random) {
        return options.get(random.nextInt(options.size()));
    }
}
