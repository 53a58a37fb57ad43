package io.tumorboard.pipeline.sink;

import io.tumorboard.pipeline.assembly.EncodedCase;
import io.tumorboard.pipeline.ingest.RejectedRecord;
import java.nio.file.Path;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/** The file sinks: the case dataset ({@code cases/}) and the dead letters ({@code dead-letters/}). */
public final class FileOutputs {

    private FileOutputs() {
    }

    /** Part files {@code cases/cases-<uuid>-<n>.jsonl}, each a complete case file with its header line. */
    public static FileSink<EncodedCase> caseDataset(Path outputFolder) {
        return FileSink.forBulkFormat(flinkPath(outputFolder.resolve("cases")), CaseLinesWriter.factory())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("cases").withPartSuffix(".jsonl")
                        .build())
                .build();
    }

    /** Part files {@code dead-letters/dead-letters-<uuid>-<n>.jsonl}, one rejected record per line. */
    public static FileSink<RejectedRecord> deadLetters(Path outputFolder, String runId, String site) {
        return FileSink.forRowFormat(flinkPath(outputFolder.resolve("dead-letters")),
                        new DeadLetterLineEncoder(runId, site))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("dead-letters")
                        .withPartSuffix(".jsonl").build())
                .build();
    }

    private static org.apache.flink.core.fs.Path flinkPath(Path path) {
        return new org.apache.flink.core.fs.Path(path.toAbsolutePath().normalize().toUri());
    }
}
