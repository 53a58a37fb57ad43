package io.tumorboard.model.learning.cli;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where cases come from: a JSON-lines case file, or a flat table with its column mapping. */
final class CohortInput {

    @Option(names = "--cases", description = "JSON-lines case file (CaseCodec format)")
    Path cases;

    @Option(names = "--table", description = "flat cohort table (CSV, one patient per row)")
    Path table;

    @Option(names = "--mapping", description = "properties file naming the table's columns (see README)")
    Path mapping;

    List<PatientCase> read(PrintWriter err) {
        if (cases != null) {
            return new CaseCodec(CaseCodec.UnknownFields.KEEP).read(cases);
        }
        if (table == null || mapping == null) {
            throw new IllegalArgumentException("give --cases, or --table with --mapping");
        }
        TableCohortReader.Result result = new TableCohortReader(TableMapping.read(mapping)).read(table);
        if (!result.problems().isEmpty()) {
            err.printf("%d problem(s) reading %s:%n", result.problems().size(), table.getFileName());
            result.problems().forEach(p -> err.println("  " + p));
        }
        return result.cases();
    }
}
