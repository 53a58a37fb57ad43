package io.tumorboard.model.learning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPU's theoretical fp32 peak: cores × clock × fp32 FLOPs per cycle per core. FLOPs per cycle come from
 * the vector flags: AVX-512 with FMA 64 (2 FMA units × 16 lanes × 2), AVX2 with FMA 32, AVX 16, else SSE 8.
 * The clock is the highest "cpu MHz" in /proc/cpuinfo, which reads the current, not the turbo, frequency:
 * the peak is an estimate and the description says how it was made.
 *
 * @param gflops the peak, GFLOP/s
 * @param description how it was computed, with the inputs
 */
public record MachinePeak(double gflops, String description) {

    public static MachinePeak ofThisMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        double mhz = 0;
        String flags = "";
        String model = "unknown CPU";
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                String[] kv = line.split(":", 2);
                if (kv.length < 2) {
                    continue;
                }
                String key = kv[0].trim();
                if (key.equals("cpu MHz")) {
                    mhz = Math.max(mhz, Double.parseDouble(kv[1].trim()));
                } else if (key.equals("flags")) {
                    flags = " " + kv[1].trim() + " ";
                } else if (key.equals("model name")) {
                    model = kv[1].trim();
                }
            }
        } catch (IOException | NumberFormatException e) {
            return new MachinePeak(Double.NaN, "peak unknown: /proc/cpuinfo unreadable (" + e.getMessage() + ")");
        }
        boolean fma = flags.contains(" fma ");
        int perCycle = flags.contains(" avx512f ") && fma ? 64 : flags.contains(" avx2 ") && fma ? 32
                : flags.contains(" avx ") ? 16 : 8;
        double gflops = cores * mhz / 1000.0 * perCycle;
        return new MachinePeak(gflops, String.format("%s: %d cores x %.2f GHz x %d fp32 FLOP/cycle = %.1f GFLOP/s",
                model, cores, mhz / 1000.0, perCycle, gflops));
    }
}
