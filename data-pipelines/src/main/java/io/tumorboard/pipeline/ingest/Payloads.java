package io.tumorboard.pipeline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tumorboard.model.cases.CaseJson;
import java.io.IOException;

/** Writes and reads fragment payloads with the case schema's one mapper, so they round-trip exactly. */
public final class Payloads {

    private Payloads() {
    }

    public static byte[] write(Object payload) {
        try {
            return CaseJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case part could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return CaseJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("a fragment payload is not a " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
