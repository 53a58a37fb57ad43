package io.tumorboard.pipeline.radiomics;

import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.Payloads;
import io.tumorboard.pipeline.ingest.RawRecord;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RejectionCode;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** One pyradiomics CSV row (with its file's header) to an imaging study's features. */
public final class RadiomicsRowReader {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setTrim(true).get();

    /** pyradiomics batch mode copies its input table's Image and Mask paths into the output: inputs, not features. */
    private static final java.util.Set<String> INPUT_COLUMNS = java.util.Set.of("Image", "Mask", "Label");

    private final PatientKey keys;
    /** The last header read and its cells: every row of a file carries the same header, parsed once, not per row. */
    private String lastHeader;
    private List<String> lastNames;

    public RadiomicsRowReader(PatientKey keys) {
        this.keys = keys;
    }

    public CaseFragment read(RawRecord record, String header, String row) throws RecordRejection {
        List<String> names = names(header);
        List<String> values = cells(row, "row");
        if (values.size() != names.size()) {
            throw new RecordRejection(RejectionCode.BAD_CSV_ROW, "the row has " + values.size() + " cells, the header "
                    + names.size());
        }
        String mrn = null;
        String studyId = null;
        String modality = null;
        LocalDate date = null;
        Map<String, Double> features = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String value = values.get(i);
            switch (name) {
                case "patient_id" -> mrn = value;
                case "study_id" -> studyId = value;
                case "modality" -> modality = value.isEmpty() ? null : value;
                case "study_date" -> date = date(value);
                default -> {
                    if (!name.isEmpty() && !name.startsWith("diagnostics_") && !INPUT_COLUMNS.contains(name)) {
                        features.put(name, number(name, value));
                    }
                }
            }
        }
        if (mrn == null || mrn.isEmpty() || studyId == null || studyId.isEmpty()) {
            throw new RecordRejection(RejectionCode.MISSING_FIELD, "a radiomics row needs patient_id and study_id");
        }
        ImagingStudy study = new ImagingStudy(studyId, date, modality, features, null, null, null, null,
                new SourceRef(SourceRef.SourceKind.RADIOMICS_TABLE, record.file() + "#" + record.line(), date));
        long eventTime = date == null ? 0 : date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return new CaseFragment(keys.of(mrn), "", FragmentKind.RADIOMICS, "radiomics/" + studyId, record.file(),
                record.line(), eventTime, record.readAtMillis(), Payloads.write(study), record.bytes());
    }

    private List<String> names(String header) throws RecordRejection {
        if (!header.equals(lastHeader)) {
            lastNames = cells(header, "header");
            lastHeader = header;
        }
        return lastNames;
    }

    private static List<String> cells(String line, String what) throws RecordRejection {
        try {
            List<CSVRecord> records = CSV.parse(new StringReader(line)).getRecords();
            if (records.size() != 1) {
                throw new RecordRejection(RejectionCode.BAD_CSV_ROW, "the " + what + " is not one CSV record");
            }
            return records.get(0).toList();
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new RecordRejection(RejectionCode.BAD_CSV_ROW, "the " + what + " is not valid CSV: " + e.getMessage());
        }
    }

    private static LocalDate date(String value) throws RecordRejection {
        try {
            return value.isEmpty() ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new RecordRejection(RejectionCode.BAD_VALUE, "study_date '" + value + "' is not yyyy-mm-dd");
        }
    }

    private static double number(String column, String value) throws RecordRejection {
        try {
            double number = Double.parseDouble(value);
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new RecordRejection(RejectionCode.NON_NUMERIC_FEATURE, "feature '" + column + "' is '"
                    + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "', not a finite number");
        }
    }
}
