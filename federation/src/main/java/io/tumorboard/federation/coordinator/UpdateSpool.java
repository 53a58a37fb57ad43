package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.PayloadHeader;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder where updates wait on disk for their round's close, one sub-folder per round: an update's header is
 * checked against the model before its spool file is opened, and a round's files are deleted once it closes or is
 * opened again.
 */
final class UpdateSpool {

    // Under the run's name, as before this class was split from it: log filters keep working.
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private final Path dir;
    private final ModelLayout layout;
    private final RefusalAudit refusals;
    private final UpdateCheck check;

    UpdateSpool(Path dir, ModelLayout layout, RefusalAudit refusals, UpdateCheck check) {
        this.dir = dir;
        this.layout = layout;
        this.refusals = refusals;
        this.check = check;
    }

    /**
     * The intake of a result whose task was checked: an evaluation spools nothing; a trained update must declare
     * the model's layout and size in the encoding negotiated with {@code site}.
     */
    ResultIntake open(String site, SiteReport report, PayloadHeader update, UpdateEncoding negotiated)
            throws RefusedResult {
        try {
            if (report.kind() != TaskKind.TRAIN) {
                return new ResultIntake(site, report, null, UpdateEncoding.FP32, new float[0], 0, new byte[0], null);
            }
            if (update == null || !update.layout().equals(layout)) {
                throw refusals.refuse(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE, site, report.round(),
                        "update layout differs from the global model's");
            }
            if (update.encoding() != negotiated) {
                throw refusals.refuse(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE, site, report.round(),
                        "update encoding " + update.encoding() + " is not the one negotiated");
            }
            long expected = (long) layout.size() * update.encoding().bytesPerValue();
            if (update.totalBytes() > expected) {
                throw refusals.refuse(RefusedResult.Kind.TOO_LARGE, AuditEvent.OVERSIZED_STREAM, site, report.round(),
                        "update declares " + update.totalBytes() + " bytes; the model is " + expected);
            }
            if (update.totalBytes() < expected || report.exampleCount() <= 0) {
                throw refusals.refuse(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE, site, report.round(),
                        "update is shorter than the model or trained on no examples");
            }
            Path roundDir = roundDir(report.round());
            Files.createDirectories(roundDir);
            return new ResultIntake(site, report, roundDir.resolve(site + "-" + report.taskId() + ".bin"),
                    update.encoding(), update.scales(), update.totalBytes(), update.sha256(),
                    check.start(update.encoding(), update.scales()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool file of a result from " + site, e);
        }
    }

    /** Deletes the updates a round received before it was opened again. */
    void discard(OpenRound round) {
        round.updates().values().forEach(u -> deleteQuietly(u.file()));
    }

    /** Deletes a closed round's folder. */
    void clear(int round) {
        deleteQuietly(roundDir(round));
    }

    private Path roundDir(int round) {
        return dir.resolve("round-" + round);
    }

    private static void deleteQuietly(Path p) {
        try {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("could not delete spool entry {}", p, e);
        }
    }
}
