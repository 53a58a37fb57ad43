package io.tumorboard.board.bench;

import io.tumorboard.board.BoardApplication;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar board-ui.jar bench}: starts the workbench (demo profile, random loopback port), then runs a
 * {@link LoadGenerator} at each user count ({@link WrkLoad} where wrk is installed, else {@link CasePageLoad})
 * and prints the figures. By default over the hand-written demo cases in
 * an in-memory H2 and no model; {@code --jdbc-url} and {@code --registry} bench a real case store (e.g. the
 * demo's) with its promoted model, which is what a board sees. Goal: p99 below 100 ms at 50 users.
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

    @Option(names = "--jdbc-url", description = "a case store to bench instead of the demo cases in memory "
            + "(each view writes an audit row into it)")
    String jdbcUrl;

    @Option(names = "--registry", description = "the model registry whose promoted model the case page uses")
    Path registry;

    @Option(names = "--cases", defaultValue = "200", description = "at most this many current cases are viewed, "
            + "round-robin")
    int cases;

    @Option(names = "--client", defaultValue = "auto", description = "load generator: wrk (Debian's package, its "
            + "own process), java (a load loop in this JVM), or auto: wrk when it is on PATH, else java")
    String client;

    @Option(names = "--report", description = "also write the figures as the product-wide bench report (JSON)")
    Path report;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SpringApplication app = new SpringApplication(BoardApplication.class);
        app.setAdditionalProfiles("demo");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + (jdbcUrl == null ? "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" : jdbcUrl)));
        if (registry != null) {
            args.add("--board.models.registry=" + registry.toAbsolutePath());
        }
        try (ConfigurableApplicationContext context = app.run(args.toArray(String[]::new))) {
            String port = context.getEnvironment().getProperty("local.server.port");
            List<String> keys = jdbcUrl == null ? DemoCases.all().stream().map(d -> d.patientCase().caseKey()).toList()
                    : context.getBean(CaseStore.class).search("", cases).stream().map(CaseSummary::caseKey).toList();
            String promoted = context.getBean(io.tumorboard.board.models.ModelRegistry.class).promoted()
                    .orElse("none");
            LoadGenerator load = generator("http://127.0.0.1:" + port, keys);
            String setting = String.format("case page, %d cases (%s), promoted model %s, %s s measured after %s s "
                    + "warm-up per level, %d cores, load from %s", keys.size(), jdbcUrl == null
                    ? "demo cases, in-memory H2" : "case store " + jdbcUrl, promoted, seconds, warmup,
                    Runtime.getRuntime().availableProcessors(), load.description());
            System.out.println(setting);
            List<LoadResult> results = new ArrayList<>();
            StringBuilder table = new StringBuilder();
            try (ProgressBar bar = new ProgressBar("bench", users.size())) {
                for (int n : users) {
                    LoadResult r = load.run(n, warmup, seconds);
                    results.add(r);
                    table.append(String.format("users %3d  %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d  "
                            + "cpu %5.2f ms/request  load average %5.1f%s%n",
                            r.users(), r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.errors(), r.cpuMsPerRequest(),
                            r.loadAverage(),
                            n == 50 ? (r.p99Ms() < GOAL_P99_MS ? "  (goal p99 < 100 ms: met)"
                                    : "  (goal p99 < 100 ms: NOT met)") : ""));
                    bar.step();
                }
            }
            System.out.print(table);
            if (report != null) {
                BenchReport.write(report, setting, load.sharesThisJvm(), results);
                System.out.println("report: " + report.toAbsolutePath());
            }
        }
        return 0;
    }

    private LoadGenerator generator(String base, List<String> keys) {
        BenchLogin login = new BenchLogin(base, "oncologist", "demo-board-2026");
        Optional<Path> wrk = WrkLoad.onPath();
        return switch (client) {
            case "java" -> new CasePageLoad(base, login, keys);
            case "wrk" -> new WrkLoad(wrk.orElseThrow(() -> new CommandLine.ParameterException(
                    new CommandLine(this), "--client wrk: no wrk on PATH (Debian: apt-get install wrk)")),
                    base, login, keys);
            case "auto" -> wrk.<LoadGenerator>map(w -> new WrkLoad(w, base, login, keys))
                    .orElseGet(() -> new CasePageLoad(base, login, keys));
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--client must be auto, wrk or java, not " + client);
        };
    }
}
