package io.tumorboard.pipeline.ingest;

/**
 * One accepted input record, decoded into a part of a patient's case.
 *
 * <p>A fragment from FHIR knows its patient only by the Patient resource's id ({@code patientRef}); the
 * pseudonymous {@code caseKey} is filled in once that Patient (and its MRN) is seen. Fragments from radiomics
 * tables and report files name the MRN directly and carry their {@code caseKey} from the start.
 *
 * @param caseKey pseudonymous key of the patient, empty while unknown
 * @param patientRef id of the FHIR Patient resource the record refers to, empty for MRN-keyed sources
 * @param kind what the payload is
 * @param identity what makes this record unique within its patient, e.g. {@code Observation/obs-1}; a second
 *     record with the same identity is a duplicate
 * @param file source file relative to the site folder
 * @param line source line
 * @param eventTimeMillis clinical time of the record (effective / issued / study date), ms since epoch; 0 unknown
 * @param readAtMillis when the record was read (ms since epoch), for latency figures
 * @param payload the typed case part as UTF-8 JSON (case-schema mapper); bytes, not a String, because Flink
 *     writes a byte array into a checkpoint in one call but a String a character at a time, and the assembler's
 *     keyed state (every fragment of every patient) is written at every checkpoint
 * @param raw the raw bytes, kept in case the fragment must still be rejected (e.g. its patient never arrives)
 */
public record CaseFragment(
        String caseKey,
        String patientRef,
        FragmentKind kind,
        String identity,
        String file,
        long line,
        long eventTimeMillis,
        long readAtMillis,
        byte[] payload,
        byte[] raw) {

    public CaseFragment withCaseKey(String key) {
        return new CaseFragment(key, patientRef, kind, identity, file, line, eventTimeMillis, readAtMillis,
                payload, raw);
    }

    /**
     * This fragment without its raw bytes, once nothing can reject it any more: the assembler keeps every
     * fragment of every patient in keyed state, which is written at each checkpoint, and the raw line is about half
     * of it.
     */
    public CaseFragment withoutRaw() {
        return new CaseFragment(caseKey, patientRef, kind, identity, file, line, eventTimeMillis, readAtMillis,
                payload, new byte[0]);
    }

    /** The rejection of this fragment after it was accepted by its reader (duplicate, missing patient). */
    public RejectedRecord reject(RejectionCode code, String reason) {
        return new RejectedRecord(file, line, code, file + " line " + line + " (" + identity + "): " + reason, raw);
    }
}
