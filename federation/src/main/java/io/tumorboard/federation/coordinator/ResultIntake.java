package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One result being received: its header already checked, its update chunks written to a spool file as
 * they arrive while their digest is computed and their values are checked ({@link UpdateCheck}). A stream longer
 * than declared is cut off at once.
 */
public final class ResultIntake {

    private final String site;
    private final SiteReport report;
    private final Path file;
    private final UpdateEncoding encoding;
    private final float[] scales;
    private final long declaredBytes;
    private final byte[] declaredSha256;
    private final WritableByteChannel out;
    private final MessageDigest digest;
    private final UpdateCheck.Running check;
    private long received;

    /** An intake that spools to {@code file} and checks the values with {@code check} (both null: no update). */
    ResultIntake(String site, SiteReport report, Path file, UpdateEncoding encoding, float[] scales,
                 long declaredBytes, byte[] declaredSha256, UpdateCheck.Running check) throws IOException {
        this.site = site;
        this.report = report;
        this.file = file;
        this.encoding = encoding;
        this.scales = scales;
        this.declaredBytes = declaredBytes;
        this.declaredSha256 = declaredSha256;
        this.out = file == null ? Channels.newChannel(OutputStream.nullOutputStream()) : FileChannel.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        this.digest = sha256();
        this.check = check;
    }

    public String site() {
        return site;
    }

    public SiteReport report() {
        return report;
    }

    /** Appends one chunk; refuses a stream that goes past its declared size. */
    public void append(ByteBuffer chunk) throws IOException, RefusedResult {
        received += chunk.remaining();
        if (received > declaredBytes) {
            abort();
            throw new RefusedResult(RefusedResult.Kind.TOO_LARGE, AuditEvent.OVERSIZED_STREAM,
                    "update stream longer than its declared " + declaredBytes + " bytes");
        }
        digest.update(chunk.duplicate());
        if (check != null) {
            check.accept(chunk);
        }
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
    }

    /**
     * Closes the spool file and checks that the whole declared payload arrived with its digest, and that its values
     * pass the update check (finite, norm within the run's bound).
     */
    SpooledUpdate finish() throws IOException, RefusedResult {
        out.close();
        if (file == null) {
            return null;
        }
        if (received != declaredBytes) {
            throw new RefusedResult(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE,
                    "update stream ended at " + received + " of " + declaredBytes + " bytes");
        }
        if (!Arrays.equals(digest.digest(), declaredSha256)) {
            throw new RefusedResult(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE,
                    "update digest does not match its payload");
        }
        check.norm();
        return new SpooledUpdate(site, report, file, encoding, scales);
    }

    /** Drops what was received (a cancelled or refused stream). */
    public void abort() {
        try {
            out.close();
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // The spool folder is cleared at every round close; a leftover file is harmless.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always ships SHA-256", e);
        }
    }
}
