package io.tumorboard.pipeline.ingest;

import io.tumorboard.model.casestore.DeadLetter;
import java.util.Base64;

/**
 * A record that could not become part of a case, with the reason naming it.
 *
 * @param file source file relative to the site folder
 * @param line source line
 * @param code stable reason code
 * @param reason one sentence naming the record (file, line, resource) and what is wrong
 * @param raw the raw bytes as they arrived
 */
public record RejectedRecord(String file, long line, RejectionCode code, String reason, byte[] raw) {

    public DeadLetter toDeadLetter(String runId, String site) {
        return new DeadLetter(runId, site, file, line, code.name(), reason, Base64.getEncoder().encodeToString(raw));
    }
}
