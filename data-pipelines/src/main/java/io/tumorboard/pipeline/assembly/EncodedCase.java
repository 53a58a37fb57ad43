package io.tumorboard.pipeline.assembly;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;

/**
 * A case version as it travels from the assembler to the sinks: the codec's JSON line, not the record graph, so
 * Flink moves it as a POJO of strings instead of falling back to Kryo on the schema's immutable collections.
 *
 * @param caseKey pseudonymous key
 * @param caseVersion the version
 * @param json the case as one line of the case codec
 * @param newestReadAtMillis when the newest record folded into this version was read (ms since epoch), for
 *     the file-to-case latency figure
 */
public record EncodedCase(String caseKey, long caseVersion, String json, long newestReadAtMillis) {

    private static final CaseCodec CODEC = new CaseCodec(CaseCodec.UnknownFields.REJECT);

    public static EncodedCase of(PatientCase patientCase, long newestReadAtMillis) {
        return new EncodedCase(patientCase.caseKey(), patientCase.caseVersion(), CODEC.encode(patientCase),
                newestReadAtMillis);
    }

    public PatientCase decode() {
        return CODEC.decode(json, caseVersion);
    }
}
