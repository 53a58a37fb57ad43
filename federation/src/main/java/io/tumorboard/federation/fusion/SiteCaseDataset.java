package io.tumorboard.federation.fusion;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A site's case dataset (JSON lines with the versioned header, read by {@link CaseCodec}) split into
 * training and held-out cases by a stable hash of each case key, so the split never changes between
 * rounds or restarts and needs no stored list of patients.
 *
 * @param heldOutPercent share of cases kept for evaluation, 0-100
 */
public record SiteCaseDataset(List<PatientCase> training, List<PatientCase> heldOut) {

    public static SiteCaseDataset read(Path jsonLines, int heldOutPercent) {
        return split(new CaseCodec(CaseCodec.UnknownFields.KEEP).read(jsonLines), heldOutPercent);
    }

    /**
     * The cases of {@code site} at {@code source}: one JSON-lines file, or a folder of {@code *.jsonl} files (the
     * pipeline's cases output, one part file per writer). A case of another site is refused: a site trains only on
     * its own patients.
     */
    public static SiteCaseDataset load(Path source, String site, int heldOutPercent, long salt) {
        List<PatientCase> cases = new ArrayList<>();
        CaseCodec codec = new CaseCodec(CaseCodec.UnknownFields.KEEP);
        caseFiles(source, site).forEach(f -> cases.addAll(codec.read(f)));
        long foreign = cases.stream().filter(c -> !site.equals(c.site())).count();
        if (foreign > 0) {
            throw new IllegalArgumentException("site " + site + ": " + foreign + " of " + cases.size()
                    + " cases in " + source + " belong to another site");
        }
        return split(cases, heldOutPercent, salt);
    }

    private static List<Path> caseFiles(Path source, String site) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> list = Files.list(source)) {
                list.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the case dataset " + source, e);
            }
        } else if (Files.isRegularFile(source)) {
            files.add(source);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("site " + site + ": no case dataset at " + source
                    + " (a JSON-lines file, or a folder of *.jsonl files: the pipeline's cases output)");
        }
        return files;
    }

    public static SiteCaseDataset split(List<PatientCase> cases, int heldOutPercent) {
        return split(cases, heldOutPercent, 0L);
    }

    /** As {@link #split(List, int)}, with {@code salt} (a site's seed) mixed into the hash: another stable split. */
    public static SiteCaseDataset split(List<PatientCase> cases, int heldOutPercent, long salt) {
        if (heldOutPercent < 0 || heldOutPercent > 100) {
            throw new IllegalArgumentException("held-out share must be 0-100 %: " + heldOutPercent);
        }
        List<PatientCase> train = new ArrayList<>();
        List<PatientCase> test = new ArrayList<>();
        for (PatientCase c : cases) {
            CRC32 crc = new CRC32();
            if (salt != 0) {
                crc.update(Long.toString(salt).getBytes(StandardCharsets.UTF_8));
            }
            crc.update(c.caseKey().getBytes(StandardCharsets.UTF_8));
            (crc.getValue() % 100 < heldOutPercent ? test : train).add(c);
        }
        return new SiteCaseDataset(List.copyOf(train), List.copyOf(test));
    }
}
