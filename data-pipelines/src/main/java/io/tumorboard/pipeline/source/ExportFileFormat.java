package io.tumorboard.pipeline.source;

import io.tumorboard.pipeline.ingest.RawRecord;
import io.tumorboard.pipeline.ingest.RecordFormat;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;

/** A site's export files as raw records with file and line; files are never split (a CSV row needs its header). */
public final class ExportFileFormat implements BulkFormat<RawRecord, FileSourceSplit> {

    private static final long serialVersionUID = 1L;

    private final String siteRoot;

    /** @param siteRoot the site's export folder as a URI path; record file names are relative to it */
    public ExportFileFormat(String siteRoot) {
        this.siteRoot = siteRoot.endsWith("/") ? siteRoot : siteRoot + "/";
    }

    @Override
    public Reader<RawRecord> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new ExportFileReader(split, relative(split), RecordFormat.of(split.path().getName()), 0);
    }

    @Override
    public Reader<RawRecord> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        long alreadyEmitted = split.getReaderPosition().map(p -> p.getRecordsAfterOffset()).orElse(0L);
        return new ExportFileReader(split, relative(split), RecordFormat.of(split.path().getName()), alreadyEmitted);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }

    private String relative(FileSourceSplit split) {
        String path = split.path().toUri().getPath();
        return path.startsWith(siteRoot) ? path.substring(siteRoot.length()) : split.path().getName();
    }
}
