package io.tumorboard.model.learning.cli;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The cases of a demo cohort as the generator expects the pipeline to assemble them, all sites together. */
final class DemoCohortCases {

    private DemoCohortCases() {
    }

    static List<PatientCase> read(Path cohort) {
        Path truth = cohort.resolve("truth");
        List<Path> files;
        try (Stream<Path> sites = Files.list(truth)) {
            files = sites.map(site -> site.resolve("expected-cases.jsonl")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + truth + " (is this a demo cohort folder?)", e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no truth/<site>/expected-cases.jsonl under " + cohort);
        }
        CaseCodec codec = new CaseCodec(CaseCodec.UnknownFields.KEEP);
        List<PatientCase> cases = new ArrayList<>();
        files.forEach(file -> cases.addAll(codec.read(file)));
        return cases;
    }
}
