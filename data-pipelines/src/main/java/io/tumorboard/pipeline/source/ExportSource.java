package io.tumorboard.pipeline.source;

import io.tumorboard.pipeline.ingest.RawRecord;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.connector.file.src.FileSource;

/** The FileSource over a site's export folder, bounded or watching for new files. */
public final class ExportSource {

    private ExportSource() {
    }

    /**
     * @param siteFolder the site's export folder ({@code fhir/}, {@code radiomics/}, {@code reports/} under it)
     * @param watchEvery null for a bounded run; otherwise how often to look for new files
     */
    public static FileSource<RawRecord> of(Path siteFolder, Duration watchEvery) {
        Path root = siteFolder.toAbsolutePath().normalize();
        var builder = FileSource.forBulkFileFormat(new ExportFileFormat(root.toUri().getPath()),
                new org.apache.flink.core.fs.Path(root.toUri()));
        if (watchEvery != null) {
            builder.monitorContinuously(watchEvery);
        }
        return builder.build();
    }
}
