package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.Laterality;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Writes the staging CT report in the hospital's style: findings, then impression with the clinical TNM. */
final class RadiologyReportText {

    private RadiologyReportText() {
    }

    static String write(LatentPatient p, Documentation d, ReportStyle style, RandomGenerator r) {
        // The radiology report carries an injected laterality conflict only when there is no pathology report.
        Laterality laterality = p.hasPathology() ? p.laterality() : d.reportLaterality();
        boolean upper = style == ReportStyle.NARRATIVE;
        String side = PathologyReportText.side(laterality, upper).toLowerCase(Locale.ROOT);
        String size = style == ReportStyle.SCANNED_FREE_TEXT
                ? DocumentationPlanner.fmt(d.imagingSizeMm()) + " mm"
                : PathologyReportText.cm(d.imagingSizeMm()) + " cm";
        StringBuilder s = new StringBuilder();
        s.append(upper ? "CT CHEST WITH CONTRAST\n" : "Examination: CT thorax with IV contrast\n");
        s.append(upper ? "CLINICAL HISTORY: " : "Indication: ").append(PathologyReportText.pick(List.of(
                "lung mass, staging", "suspected lung cancer, staging", "NSCLC work-up"), r)).append('\n');
        s.append(upper ? "FINDINGS: " : "Findings: ").append("There is a ").append(size).append(' ')
                .append(PathologyReportText.pick(List.of("spiculated", "lobulated", "irregular"), r))
                .append(" mass in the ").append(side).append(' ').append(p.lobe().words()).append(". ");
        s.append(switch (d.clinical().n()) {
            case "N0" -> "No enlarged hilar or mediastinal lymph nodes. ";
            case "N1" -> "Enlarged ipsilateral hilar lymph node, 14 mm short axis. ";
            case "N2" -> "Enlarged subcarinal lymph node, 18 mm short axis. ";
            default -> "Enlarged contralateral mediastinal and supraclavicular lymph nodes. ";
        });
        s.append(d.clinical().m().equals("M0") ? "No pleural effusion. No suspicious osseous lesion.\n"
                : "Pleural nodularity and hepatic lesions consistent with metastatic disease.\n");
        s.append(upper ? "IMPRESSION: " : "Impression: ").append(side).append(' ').append(p.lobe().words())
                .append(" mass, consistent with primary bronchogenic carcinoma");
        if (r.nextDouble() < 0.7) {
            s.append(", radiological stage c").append(d.clinical().t()).append(" c").append(d.clinical().n())
                    .append(" c").append(d.clinical().m());
        }
        s.append(".\n");
        String text = s.toString();
        return style == ReportStyle.SCANNED_FREE_TEXT ? OcrNoise.apply(text, 0.03, 80, r)
                : OcrNoise.apply(upper ? text.toUpperCase(Locale.ROOT) : text, 0.01, 0, r);
    }
}
