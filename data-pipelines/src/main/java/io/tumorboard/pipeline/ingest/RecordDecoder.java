package io.tumorboard.pipeline.ingest;

import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.pipeline.fhir.FhirRecordReader;
import io.tumorboard.pipeline.radiomics.RadiomicsRowReader;
import io.tumorboard.pipeline.text.ReportFileReader;
import io.tumorboard.pipeline.text.ReportReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a raw record: strict UTF-8 first (a record with bytes that are not UTF-8 is rejected, never repaired
 * with replacement characters), then the reader of its file's format. Any failure of a reader, even an
 * unexpected one, rejects the one record with a reason that names it; the job goes on.
 */
public final class RecordDecoder {

    private final FhirRecordReader fhir;
    private final RadiomicsRowReader radiomics;
    private final ReportFileReader reports;

    public RecordDecoder(PatientKey keys) {
        ReportReader reportReader = new ReportReader();
        this.fhir = new FhirRecordReader(reportReader);
        this.radiomics = new RadiomicsRowReader(keys);
        this.reports = new ReportFileReader(keys, reportReader);
    }

    public Decoded decode(RawRecord record) {
        RecordFormat format = record.format();
        if (format == RecordFormat.OTHER) {
            return Decoded.skipped("file type not part of the export layout: " + extension(record.file()));
        }
        try {
            String text = utf8(record.bytes());
            if (format != RecordFormat.REPORT_TEXT && text.isBlank()) {
                return Decoded.skipped("blank line");
            }
            CaseFragment fragment = switch (format) {
                case FHIR_NDJSON -> fhir.read(record, text);
                case RADIOMICS_CSV -> radiomics.read(record, utf8(record.header()), text);
                default -> reports.read(record, text);
            };
            return Decoded.accepted(fragment);
        } catch (RecordRejection e) {
            return reject(record, e.code(), e.getMessage());
        } catch (RecordSkip e) {
            return Decoded.skipped(e.getMessage());
        } catch (CharacterCodingException e) {
            return reject(record, RejectionCode.NOT_UTF8, "bytes that are not valid UTF-8");
        } catch (RuntimeException e) {
            return reject(record, RejectionCode.BAD_VALUE, "unreadable: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private static Decoded reject(RawRecord record, RejectionCode code, String reason) {
        return Decoded.rejected(new RejectedRecord(record.file(), record.line(), code,
                record.file() + " line " + record.line() + ": " + reason, record.bytes()));
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "(none)" : file.substring(dot);
    }
}
