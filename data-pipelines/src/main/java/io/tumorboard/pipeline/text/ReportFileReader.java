package io.tumorboard.pipeline.text;

import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.model.cases.SourceRef;
import io.tumorboard.pipeline.ingest.CaseFragment;
import io.tumorboard.pipeline.ingest.FragmentKind;
import io.tumorboard.pipeline.ingest.Payloads;
import io.tumorboard.pipeline.ingest.RawRecord;
import io.tumorboard.pipeline.ingest.RecordRejection;
import io.tumorboard.pipeline.ingest.RejectionCode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain-text report file {@code reports/<MRN>__<yyyy-mm-dd>__<pathology|radiology>.txt} to a case fragment. */
public final class ReportFileReader {

    private static final Pattern NAME = Pattern.compile("(?:.*/)?([^/]+)__(\\d{4}-\\d{2}-\\d{2})__(pathology|radiology)"
            + "\\.txt");

    private final PatientKey keys;
    private final ReportReader reader;

    public ReportFileReader(PatientKey keys, ReportReader reader) {
        this.keys = keys;
        this.reader = reader;
    }

    public CaseFragment read(RawRecord record, String text) throws RecordRejection {
        Matcher name = NAME.matcher(record.file());
        if (!name.matches()) {
            throw new RecordRejection(RejectionCode.BAD_FILE_NAME, "a report file must be named "
                    + "<MRN>__<yyyy-mm-dd>__pathology.txt (or __radiology.txt)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(name.group(2));
        } catch (DateTimeParseException e) {
            throw new RecordRejection(RejectionCode.BAD_FILE_NAME, "'" + name.group(2) + "' is not a date");
        }
        // The file name holds the MRN, which must not leave the site inside a case: the reference masks it, and
        // the site's own case store resolves it through patient_display_identity.
        String reportId = name.group(3) + "-" + name.group(2);
        String masked = record.file().substring(0, record.file().lastIndexOf('/') + 1) + "[MRN]__" + name.group(2) + "__" + name.group(3) + ".txt";
        SourceRef source = new SourceRef(SourceRef.SourceKind.REPORT_TEXT, masked, date);
        long eventTime = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        String key = keys.of(name.group(1));
        if (name.group(3).equals("pathology")) {
            List<ExtractedFact> facts = reader.read(text, ReportText.Kind.PATHOLOGY);
            return new CaseFragment(key, "", FragmentKind.PATHOLOGY_REPORT, "report/" + reportId, record.file(),
                    record.line(), eventTime, record.readAtMillis(),
                    Payloads.write(new PathologyReport(reportId, date, text, facts, source)), record.bytes());
        }
        List<ExtractedFact> facts = reader.read(text, ReportText.Kind.RADIOLOGY);
        String response = facts.stream().filter(f -> f.field() == ExtractedFact.ReportField.RESPONSE)
                .map(ExtractedFact::value).findFirst().orElse(null);
        return new CaseFragment(key, "", FragmentKind.IMAGING_REPORT, "report/" + reportId, record.file(),
                record.line(), eventTime, record.readAtMillis(), Payloads.write(new ImagingStudy(reportId, date, null,
                        null, text, facts, null, response, source)), record.bytes());
    }
}
