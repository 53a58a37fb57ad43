package io.tumorboard.pipeline.cli;

import io.tumorboard.model.casestore.PipelineRun;
import io.tumorboard.pipeline.assembly.CaseRules;
import io.tumorboard.pipeline.job.PipelineRunner;
import io.tumorboard.pipeline.job.PipelineSettings;
import io.tumorboard.pipeline.job.RunReport;
import io.tumorboard.pipeline.sink.StoreConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: one site's export folder to cases in the case store, the JSON-lines dataset and dead letters. */
@Command(name = "data-pipelines", mixinStandardHelpOptions = true, subcommands = {BenchCommand.class},
        description = "Turns a hospital's exports (FHIR NDJSON, radiomics CSV, report text) into one multimodal "
                + "case per patient.")
public final class PipelineCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    // Not picocli-required: `bench` is a subcommand, and picocli would demand the run's options before it.
    @Option(names = "--input",
            description = "the cohort folder (with <site>/ inside) or the site's export folder itself")
    Path input;

    @Option(names = "--site", description = "the site's name, e.g. hospital-a")
    String site;

    @Option(names = "--out", description = "output folder for cases/ and dead-letters/; default "
            + "demo-output/pipeline/<site>")
    Path out;

    @Option(names = "--jdbc-url", description = "case store; default an H2 file database in <out>/casestore")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "sa", description = "case store user; default sa")
    String jdbcUser;

    @Option(names = "--jdbc-password-env", defaultValue = "CASESTORE_PASSWORD",
            description = "environment variable holding the case store password; default CASESTORE_PASSWORD")
    String jdbcPasswordEnv;

    @Option(names = "--site-secret-file", description = "file with the site's pseudonymisation secret (>= 16 "
            + "bytes); default the public demo secret of the site, for demo cohorts only")
    Path siteSecretFile;

    @Option(names = "--continuous", description = "keep watching the folders for new files")
    boolean continuous;

    @Option(names = "--watch-interval", defaultValue = "PT1S", description = "continuous mode: how often to look "
            + "for new files (ISO-8601 duration); default PT1S")
    Duration watchInterval;

    @Option(names = "--patient-wait", defaultValue = "PT24H", description = "continuous mode: how long a record "
            + "waits for its Patient before it becomes a dead letter; default PT24H")
    Duration patientWait;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism; default 2")
    int parallelism;

    @Option(names = "--checkpoint-interval", defaultValue = "PT1S", description = "checkpoint interval; the case dataset files are committed at each checkpoint; default PT1S")
    Duration checkpointInterval;

    @Option(names = "--checkpoint-dir", description = "where checkpoints are retained (needed to restart); default "
            + "<out>/checkpoints. On a disk, not in the JobManager's memory: a site's keyed state outgrows the "
            + "5 MB in-memory checkpoint limit at a few hundred patients")
    Path checkpointDir;

    @Option(names = "--restore-from", description = "a retained checkpoint to restart from")
    String restoreFrom;

    @Option(names = "--run-id", description = "run identifier; keep it when restarting a run; default random")
    String runId;

    @Option(names = "--config", description = "a properties file of option defaults, keys as the long option "
            + "names without dashes (see data-pipelines/config/pipeline-site.properties); options given on the "
            + "command line win")
    Path config;

    public static void main(String[] args) {
        CommandLine commandLine;
        try {
            commandLine = commandLine(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(commandLine.execute(args));
    }

    /** The command, its defaults read from the file named by {@code --config} when one is given. */
    static CommandLine commandLine(String[] args) {
        CommandLine commandLine = new CommandLine(new PipelineCommand());
        configFile(args).ifPresent(file -> {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--config: no such file " + file.toAbsolutePath());
            }
            commandLine.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(file.toFile()));
        });
        return commandLine;
    }

    private static Optional<Path> configFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--config=")) {
                return Optional.of(Path.of(args[i].substring("--config=".length())));
            }
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
        }
        return Optional.empty();
    }

    @Override
    public Integer call() throws Exception {
        if (input == null || site == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--input and --site are required");
        }
        PipelineSettings settings = settings();
        PipelineRunner runner = new PipelineRunner(DefaultRules.create());
        if (continuous) {
            StreamExecutionEnvironment env = PipelineRunner.environment(settings);
            runner.build(env, settings);
            System.out.printf("watching %s every %s; stop with Ctrl-C%n", settings.siteFolder(), watchInterval);
            env.execute("tumorboard cases (continuous): " + site);
            return 0;
        }
        long total = ExportSize.records(settings.siteFolder());
        PipelineRun run;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(site).setInitialMax(total)
                .setUnit(" records", 1).build()) {
            run = runner.runBounded(settings, bar::stepTo);
        }
        RunReport.print(run, System.out);
        System.out.printf("cases: %s%ndead letters: %s%n", settings.outputFolder().resolve("cases"),
                settings.outputFolder().resolve("dead-letters"));
        return run.reconciles() ? 0 : 2;
    }

    PipelineSettings settings() throws Exception {
        Path siteFolder = Files.isDirectory(input.resolve(site)) ? input.resolve(site) : input;
        Path output = out != null ? out : Path.of("demo-output", "pipeline", site);
        String url = jdbcUrl != null ? jdbcUrl
                : "jdbc:h2:file:" + output.resolve("casestore").resolve(site).toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        String password = System.getenv().getOrDefault(jdbcPasswordEnv, "");
        byte[] secret = siteSecretFile != null ? Files.readAllBytes(siteSecretFile)
                : ("tumorboard-demo-secret-" + site).getBytes(StandardCharsets.UTF_8);
        return new PipelineSettings(siteFolder, site, secret, output, new StoreConnection(url, jdbcUser, password),
                runId != null ? runId : UUID.randomUUID().toString(), continuous ? watchInterval : null, patientWait,
                parallelism, checkpointInterval, checkpointDir,
                restoreFrom);
    }

    /** The rules every case version is checked against: the published clinical rules of multimodal-model. */
    static final class DefaultRules {

        private DefaultRules() {
        }

        static CaseRules create() {
            return CaseRules.clinical();
        }
    }
}
