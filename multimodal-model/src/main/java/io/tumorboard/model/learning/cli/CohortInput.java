package io.tumorboard.model.learning.cli;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where cases come from: a JSON-lines case file, a flat table with its column mapping, or the synthetic cohort. */
final class CohortInput {

    @Option(names = "--cases", description = "JSON-lines case file (CaseCodec format)")
    Path cases;

    @Option(names = "--table", description = "flat cohort table (CSV, one patient per row)")
    Path table;

    @Option(names = "--mapping", description = "properties file naming the table's columns (see README)")
    Path mapping;

    @Option(names = "--cohort", description = "demo cohort folder: reads every <cohort>/truth/<site>/expected-cases.jsonl")
    Path cohort;

    @Option(names = "--synthetic", description = "use this many synthetic cases (SyntheticCohort, three sites) "
            + "instead of a file: for benchmarks and smoke runs, never for claims about patients")
    Integer synthetic;

    @Option(names = "--synthetic-seed", defaultValue = "42", description = "seed of the synthetic cohort")
    long syntheticSeed;

    List<PatientCase> read(PrintWriter err) {
        if (synthetic != null) {
            return new io.tumorboard.model.learning.bench.SyntheticCohort(syntheticSeed)
                    .cases(synthetic, List.of("site-a", "site-b", "site-c"));
        }
        if (cases != null) {
            return new CaseCodec(CaseCodec.UnknownFields.KEEP).read(cases);
        }
        if (cohort != null) {
            return DemoCohortCases.read(cohort);
        }
        if (table == null || mapping == null) {
            throw new IllegalArgumentException("give --cases, --cohort, --synthetic, or --table with --mapping");
        }
        TableCohortReader.Result result = new TableCohortReader(TableMapping.read(mapping)).read(table);
        if (!result.problems().isEmpty()) {
            err.printf("%d problem(s) reading %s:%n", result.problems().size(), table.getFileName());
            result.problems().forEach(p -> err.println("  " + p));
        }
        return result.cases();
    }
}
