package io.tumorboard.model.rules.discrepancy;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.Evidence;
import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import io.tumorboard.model.cases.FlagType;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.LabResult;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.model.cases.StageBasis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tumour size on imaging (radiology text, or a tumour-size Observation, LOINC 21889-1, dated the day of an
 * imaging study) against size in pathology (pathology text, or such an Observation dated the day of a pathology
 * report).
 *
 * <p>Tolerance: flagged when the two differ by more than 10 mm <em>and</em> by more than 25% of the larger.
 * Why: CT and the pathologist measure differently (CT includes spiculation and surrounding change and measures
 * in an axial or reformatted plane; the specimen shrinks on resection and formalin fixation; a part-solid
 * tumour's invasive size is smaller than its whole), so differences of several millimetres are normal and
 * flagging them would drown the real ones. 10 mm is the width of one AJCC 8th-edition T size band (T1a-T2b),
 * so a larger difference can move T by a band or more; the 25% part keeps large tumours (80 mm against 92 mm)
 * from flagging on the same absolute slack. Imaging after the pathology date is not compared (after resection
 * the tumour is gone), and no flag is raised when post-therapy staging (structured, or a yp value in report
 * text), or a systemic therapy or radiotherapy
 * on record between the two measurements, shows the tumour was treated in between (it is expected to shrink).
 * A tumour-size Observation dated neither on an imaging nor on a pathology day is not used: which of the two
 * measured it is then unknown.
 */
final class TumorSizeCheck implements CaseCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TumorSizeCheck.class);

    /** LOINC 21889-1 "Size Tumor" (mCODE TumorSize uses it for imaging and pathology measurements alike). */
    static final String TUMOR_SIZE_LOINC = "21889-1";
    static final double ABSOLUTE_TOLERANCE_MM = 10.0;
    static final double RELATIVE_TOLERANCE = 0.25;
    static final String SOURCE = "AJCC Cancer Staging Manual, 8th ed., ch. 36 Lung (T by greatest dimension in "
            + "1 cm bands); tolerance stated in TumorSizeCheck";

    private record Size(double mm, LocalDate date, Evidence evidence) {
    }

    @Override
    public List<CaseFlag> check(PatientCase c) {
        if (StageStatement.of(c).stream().anyMatch(st -> st.basis() == StageBasis.POST_THERAPY)) {
            return List.of();
        }
        List<Size> pathology = new ArrayList<>();
        c.pathology().forEach(r -> r.facts().forEach(f -> size(f, r.date(), r.source(), "pathology tumour size")
                .ifPresent(pathology::add)));
        List<Size> imaging = new ArrayList<>();
        c.imaging().forEach(s -> s.facts().forEach(f -> size(f, s.date(), s.source(), "imaging tumour size")
                .ifPresent(imaging::add)));
        Set<LocalDate> imagingDays = c.imaging().stream().map(ImagingStudy::date).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<LocalDate> pathologyDays = c.pathology().stream().map(PathologyReport::date).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        for (LabResult lab : c.clinical().labs()) {
            if (!TUMOR_SIZE_LOINC.equals(lab.loincCode()) || lab.date() == null) {
                continue;
            }
            boolean onImagingDay = imagingDays.contains(lab.date());
            boolean onPathologyDay = pathologyDays.contains(lab.date());
            if (onImagingDay != onPathologyDay) {
                observed(lab, onImagingDay ? "imaging tumour size (Observation)" : "pathology tumour size (Observation)")
                        .ifPresent(onImagingDay ? imaging::add : pathology::add);
            }
        }
        Optional<Size> path = pathology.stream().max(Comparator.comparing(Size::mm));
        if (path.isEmpty()) {
            return List.of();
        }
        Optional<Size> image = imaging.stream()
                .filter(s -> s.date() == null || path.get().date() == null || !s.date().isAfter(path.get().date()))
                .max(Comparator.comparing(Size::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (image.isEmpty()) {
            return List.of();
        }
        if (CourseOfCare.of(c).therapyBetween(image.get().date(), path.get().date()).isPresent()) {
            return List.of();
        }
        double a = image.get().mm();
        double b = path.get().mm();
        double diff = Math.abs(a - b);
        if (diff <= ABSOLUTE_TOLERANCE_MM || diff <= RELATIVE_TOLERANCE * Math.max(a, b)) {
            return List.of();
        }
        return List.of(new CaseFlag(FlagType.TUMOR_SIZE_CONFLICT, Severity.WARNING, "tumour size",
                String.format("Tumour size %.0f mm on imaging vs %.0f mm in pathology: %.0f mm apart, beyond the "
                        + "tolerance of 10 mm and 25%%", a, b, diff),
                List.of(image.get().evidence(), path.get().evidence()), "SIZE-IMAGING-PATHOLOGY", SOURCE));
    }

    /** A tumour-size Observation in mm or cm; any other unit is not guessed at. */
    private static Optional<Size> observed(LabResult lab, String label) {
        String unit = lab.unit() == null ? "" : lab.unit().strip();
        double mm = switch (unit) {
            case "mm" -> lab.value();
            case "cm" -> lab.value() * 10;
            default -> Double.NaN;
        };
        if (!(mm > 0)) {
            LOG.warn("a tumour size Observation in '{}' is not compared", unit);
            return Optional.empty();
        }
        String shown = mm == Math.rint(mm) ? Long.toString((long) mm) : Double.toString(mm);
        return Optional.of(new Size(mm, lab.date(), new Evidence(label, shown + " mm", lab.source())));
    }

    private static Optional<Size> size(ExtractedFact f, LocalDate date, SourceRef report, String label) {
        if (f.field() != ReportField.TUMOR_SIZE_MM || f.negated() || report == null || f.value() == null) {
            return Optional.empty();
        }
        try {
            double mm = Double.parseDouble(f.value().strip());
            if (mm <= 0 || Double.isNaN(mm)) {
                return Optional.empty();
            }
            SourceRef span = new SourceRef(SourceRef.SourceKind.REPORT_TEXT,
                    report.reference() + "#" + f.start() + "-" + f.end(), date);
            return Optional.of(new Size(mm, date, new Evidence(label, f.value() + " mm", span)));
        } catch (NumberFormatException e) {
            LOG.warn("a tumour size fact is not a number of mm and is not compared: '{}'", f.value());
            LOG.debug("unreadable tumour size in {}", report.reference());
            return Optional.empty();
        }
    }
}
