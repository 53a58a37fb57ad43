package io.tumorboard.federation.site;

import io.tumorboard.federation.run.RunConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The site's local allow-list of run configurations its governance has approved: a text file with one
 * SHA-256 digest ({@link RunConfiguration#digest()}) per line, '#' starting a comment. A run whose digest
 * is not listed is refused before any data is touched; a missing file approves nothing.
 */
public final class ApprovedRuns {

    private final Path file;
    private final PrivacyFloor floor;

    public ApprovedRuns(Path file) {
        this(file, PrivacyFloor.NONE);
    }

    /** @param floor the site's own DP policy: a listed run that is less private than this is refused too */
    public ApprovedRuns(Path file, PrivacyFloor floor) {
        this.file = file;
        this.floor = floor;
    }

    public boolean approves(RunConfiguration cfg) {
        return digests().contains(cfg.digest()) && floor.accepts(cfg);
    }

    /**
     * The least privacy a site accepts, whatever its governance listed: with {@code required}, the run must clip
     * updates to at most {@code maxClipNorm} and add noise with multiplier at least {@code minNoiseMultiplier}.
     */
    public record PrivacyFloor(boolean required, double maxClipNorm, double minNoiseMultiplier) {

        public static final PrivacyFloor NONE = new PrivacyFloor(false, 0, 0);

        boolean accepts(RunConfiguration cfg) {
            return !required || (cfg.privacyOn() && cfg.dpClipNorm() <= maxClipNorm
                    && cfg.dpNoiseMultiplier() >= minNoiseMultiplier);
        }
    }

    /** Adds a configuration's digest to the file (what a site's governance does after review). */
    public void approve(RunConfiguration cfg) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, "# run " + cfg.runId() + "\n" + cfg.digest() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the approved-runs file " + file, e);
        }
    }

    private Set<String> digests() {
        Set<String> out = new HashSet<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the approved-runs file " + file, e);
        }
        return out;
    }
}
