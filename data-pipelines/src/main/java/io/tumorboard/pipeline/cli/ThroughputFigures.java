package io.tumorboard.pipeline.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The baselines the bench compares the job with: sizes of the export, and a bare Jackson parse and a bare HAPI FHIR
 * parse of its NDJSON lines.
 */
final class ThroughputFigures {

    record Bytes(long all, long ndjson, long ndjsonLines) {
    }

    private ThroughputFigures() {
    }

    static Bytes measureBytes(Path siteFolder) throws IOException {
        long all = 0;
        long ndjson = 0;
        long lines = 0;
        for (Path file : files(siteFolder)) {
            long size = Files.size(file);
            all += size;
            if (file.toString().endsWith(".ndjson")) {
                ndjson += size;
                try (Stream<String> l = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                    lines += l.count();
                }
            }
        }
        return new Bytes(all, ndjson, lines);
    }

    /** Seconds for Jackson to readTree every NDJSON line (best of three, after one warm-up pass). */
    static double jacksonSeconds(Path siteFolder) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        return bestOfThree(siteFolder, line -> {
            try {
                mapper.readTree(line);
            } catch (IOException malformed) {
                // The injected broken lines cost a parse attempt in both measurements alike.
            }
        });
    }

    /**
     * Seconds for HAPI FHIR's strict JSON parser (the one the job uses) to parse every NDJSON line into its R4
     * resource, best of three after a warm-up: the cost of the FHIR model itself, a second reference beside Jackson.
     */
    static double hapiSeconds(Path siteFolder) throws IOException {
        IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        return bestOfThree(siteFolder, line -> {
            try {
                parser.parseResource(line);
            } catch (RuntimeException malformed) {
                // Broken and invalid lines cost a parse attempt in the job too.
            }
        });
    }

    private static double bestOfThree(Path siteFolder, Consumer<String> parse) throws IOException {
        List<Path> ndjson = files(siteFolder).stream().filter(f -> f.toString().endsWith(".ndjson")).toList();
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 4; pass++) {
            long start = System.nanoTime();
            for (Path file : ndjson) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        parse.accept(line);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (pass > 0) {
                best = Math.min(best, seconds);
            }
        }
        return best;
    }

    static void copy(Path from, Path to) throws IOException {
        for (Path file : files(from)) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
