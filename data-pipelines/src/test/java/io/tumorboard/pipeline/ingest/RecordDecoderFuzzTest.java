package io.tumorboard.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.model.cases.PatientKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random corruption of real export lines (the test export, and the mCODE fixtures when the reference data is
 * there): whatever the damage, decoding a record never throws, and it ends in exactly one of accepted, rejected
 * (with a reason naming file and line) or skipped.
 */
class RecordDecoderFuzzTest {

    private static final long SEED = 20_261_122L;
    private static final int CORRUPTIONS = 2_000;
    private static final List<RawRecord> REAL = new ArrayList<>();

    @BeforeAll
    static void readRealLines() throws Exception {
        Path site = Path.of("src/test/resources/export/site-a");
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = site.relativize(file).toString();
                byte[] all = Files.readAllBytes(file);
                if (relative.endsWith(".txt")) {
                    REAL.add(new RawRecord(relative, 1, all, new byte[0], 0));
                    continue;
                }
                List<byte[]> lines = split(all);
                byte[] header = relative.endsWith(".csv") ? lines.remove(0) : new byte[0];
                for (int i = 0; i < lines.size(); i++) {
                    REAL.add(new RawRecord(relative, i + 1, lines.get(i), header, 0));
                }
            }
        }
        Path mcode = Path.of("../../shared/reference-data/fhir-mcode-examples");
        if (Files.isDirectory(mcode)) {
            for (String name : List.of("maximal-staging-resource.json", "primary-cancer-condition.json")) {
                String oneLine = new String(Files.readAllBytes(mcode.resolve(name)), StandardCharsets.UTF_8)
                        .replaceAll("\\s*\\n\\s*", "");
                REAL.add(new RawRecord("fhir/" + name.replace(".json", ".ndjson"), 1,
                        oneLine.getBytes(StandardCharsets.UTF_8), new byte[0], 0));
            }
        }
    }

    @Test
    void everyCorruptedRecordEndsInExactlyOneOutcomeAndNeverThrows() {
        RecordDecoder decoder = new RecordDecoder(PatientKey.demo("site-a"));
        Random random = new Random(SEED);
        int rejected = 0;
        for (int i = 0; i < CORRUPTIONS; i++) {
            RawRecord real = REAL.get(random.nextInt(REAL.size()));
            RawRecord broken = new RawRecord(real.file(), real.line(), corrupt(real.bytes(), random), real.header(), 0);

            Decoded decoded = decoder.decode(broken);

            int outcomes = (decoded.fragment() != null ? 1 : 0) + (decoded.rejection() != null ? 1 : 0)
                    + (decoded.skipReason() != null ? 1 : 0);
            assertThat(outcomes).as("outcomes of %s", new String(broken.bytes(), StandardCharsets.ISO_8859_1))
                    .isEqualTo(1);
            if (decoded.rejection() != null) {
                rejected++;
                assertThat(decoded.rejection().reason()).startsWith(real.file() + " line " + real.line() + ": ");
                assertThat(decoded.rejection().raw()).isEqualTo(broken.bytes());
            }
        }
        assertThat(rejected).isGreaterThan(CORRUPTIONS / 4);
    }

    /** One of the damages real exports show: truncation, a flipped or foreign byte, a swapped value, a lost quote. */
    private static byte[] corrupt(byte[] line, Random random) {
        if (line.length == 0) {
            return new byte[] {(byte) 0xff};
        }
        byte[] out = line.clone();
        int at = random.nextInt(out.length);
        switch (random.nextInt(6)) {
            case 0 -> out = Arrays.copyOf(out, at);
            case 1 -> out[at] = (byte) random.nextInt(256);
            case 2 -> out[at] = (byte) (0x80 + random.nextInt(64));
            case 3 -> out = new String(out, StandardCharsets.UTF_8).replaceFirst("\\d+(\\.\\d+)?", "\"x\"")
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> out = new String(out, StandardCharsets.UTF_8).replaceFirst("\"", "")
                    .getBytes(StandardCharsets.UTF_8);
            default -> {
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    out[random.nextInt(out.length)] = (byte) ' ';
                }
            }
        }
        return out;
    }

    private static List<byte[]> split(byte[] all) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (start < all.length) {
            lines.add(Arrays.copyOfRange(all, start, all.length));
        }
        return lines;
    }
}
