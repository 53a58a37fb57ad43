package io.tumorboard.pipeline.sink;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.pipeline.assembly.EncodedCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/** Writes one JSON-lines case part file: the codec's header line first, then one case per line. */
final class CaseLinesWriter implements BulkWriter<EncodedCase> {

    private final FSDataOutputStream out;

    CaseLinesWriter(FSDataOutputStream out) throws IOException {
        this.out = out;
        out.write((new CaseCodec(CaseCodec.UnknownFields.REJECT).header() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static BulkWriter.Factory<EncodedCase> factory() {
        return CaseLinesWriter::new;
    }

    @Override
    public void addElement(EncodedCase element) throws IOException {
        out.write((element.json() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
