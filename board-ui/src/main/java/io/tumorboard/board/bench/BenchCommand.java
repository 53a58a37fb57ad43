package io.tumorboard.board.bench;

import io.tumorboard.board.BoardApplication;
import io.tumorboard.board.demo.DemoCases;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar board-ui.jar bench}: starts the workbench (demo profile, in-memory H2, random loopback port),
 * then runs {@link CasePageLoad} at each user count and prints the figures. Goal: p99 below 100 ms at 50 users.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load the case page with concurrent users on loopback and print requests/s, p50 and p99.")
public final class BenchCommand implements Callable<Integer> {

    /** The goal the issue sets: p99 under 100 ms with 50 concurrent users. */
    static final double GOAL_P99_MS = 100.0;

    @Option(names = "--users", split = ",", defaultValue = "1,10,50", description = "concurrent user counts")
    List<Integer> users;

    @Option(names = "--seconds", defaultValue = "15", description = "measured seconds per level")
    double seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "unmeasured warm-up seconds per level")
    double warmup;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SpringApplication app = new SpringApplication(BoardApplication.class);
        app.setAdditionalProfiles("demo");
        try (ConfigurableApplicationContext context = app.run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off")) {
            String port = context.getEnvironment().getProperty("local.server.port");
            List<String> keys = DemoCases.all().stream().map(d -> d.patientCase().caseKey()).toList();
            CasePageLoad load = new CasePageLoad("http://127.0.0.1:" + port, "oncologist", "demo-board-2026", keys);
            System.out.printf("case page, %d demo cases, %s s measured after %s s warm-up per level, %d cores%n",
                    keys.size(), seconds, warmup, Runtime.getRuntime().availableProcessors());
            StringBuilder table = new StringBuilder();
            try (ProgressBar bar = new ProgressBar("bench", users.size())) {
                for (int n : users) {
                    LoadResult r = load.run(n, warmup, seconds);
                    table.append(String.format("users %3d  %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%s%n",
                            r.users(), r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.errors(),
                            n == 50 ? (r.p99Ms() < GOAL_P99_MS ? "  (goal p99 < 100 ms: met)"
                                    : "  (goal p99 < 100 ms: NOT met)") : ""));
                    bar.step();
                }
            }
            System.out.print(table);
        }
        return 0;
    }
}
