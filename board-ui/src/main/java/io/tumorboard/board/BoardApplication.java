package io.tumorboard.board;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The tumor-board workbench: meetings, cases, flags, decisions and exports for one site's board. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BoardApplication {

    /**
     * Starts the workbench; {@code bench ...} as the first argument runs the load bench instead, and
     * {@code bench-report ...} joins every module's bench figures into the product's report.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bench")) {
            io.tumorboard.board.bench.BenchCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("bench-report")) {
            io.tumorboard.board.bench.ProductBenchReport.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(BoardApplication.class, args);
    }
}
