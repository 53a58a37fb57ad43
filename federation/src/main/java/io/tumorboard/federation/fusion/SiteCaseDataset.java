package io.tumorboard.federation.fusion;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
