package io.tumorboard.pipeline.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumorboard.pipeline.ingest.RejectedRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.flink.api.common.serialization.Encoder;

/**
 * One dead letter per line: {@code {"runId","site","file","line","code","reason","rawBase64"}}, the same fields
 * as the {@code dead_letter} table, so the file can be loaded there or read by a person.
 */
final class DeadLetterLineEncoder implements Encoder<RejectedRecord> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String runId;
    private final String site;

    DeadLetterLineEncoder(String runId, String site) {
        this.runId = runId;
        this.site = site;
    }

    @Override
    public void encode(RejectedRecord record, OutputStream stream) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("runId", runId);
        line.put("site", site);
        line.put("file", record.file());
        line.put("line", record.line());
        line.put("code", record.code().name());
        line.put("reason", record.reason());
        line.put("rawBase64", Base64.getEncoder().encodeToString(record.raw()));
        stream.write((line.toString() + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
