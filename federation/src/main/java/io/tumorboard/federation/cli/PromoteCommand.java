package io.tumorboard.federation.cli;

import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.registry.ModelRegistry;
import io.tumorboard.federation.registry.ModelVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code federation promote}: makes a registry version the one the workbench uses, and audits it. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Promote a model version (explicit, or the best of a run by a federated evaluation metric).")
final class PromoteCommand implements Callable<Integer> {

    @Option(names = "--registry", required = true, description = "Registry root folder.")
    Path registry;

    @Option(names = "--audit", required = true, description = "Audit log (JSON lines) the promotion is written to.")
    Path audit;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--version", description = "The version, e.g. study-7/round-0012.")
        String version;

        @Option(names = "--best-by", description = "A metric of the run's global federated evaluation, e.g. harrell_c.")
        String metric;
    }

    @Option(names = "--run", description = "With --best-by: the run whose versions are compared.")
    String runId;

    @Option(names = "--lower-is-better", description = "With --best-by: the smallest value wins (losses, errors).")
    boolean lowerIsBetter;

    @Option(names = "--by", defaultValue = "${sys:user.name}", description = "Who promotes (audit log; default: OS user).")
    String actor;

    @Override
    public Integer call() throws Exception {
        System.out.println(promote(new ModelRegistry(registry), new AuditLog(audit, Clock.systemUTC()),
                which.version, which.metric, runId, lowerIsBetter, actor));
        return 0;
    }

    /** Promotes and returns a one-line account of what was promoted. */
    static String promote(ModelRegistry registry, AuditLog audit, String version, String metric, String runId,
                          boolean lowerIsBetter, String actor) throws Exception {
        if (version != null) {
            ModelVersion v = ModelVersion.parse(version);
            registry.promote(v, audit, actor, "explicit version");
            return "promoted " + v.path();
        }
        if (runId == null) {
            throw new IllegalArgumentException("--best-by needs --run");
        }
        ModelVersion best = registry.bestBy(runId, metric, lowerIsBetter).orElseThrow(() -> new IllegalArgumentException(
                "run " + runId + " has no filed version with a federated evaluation of '" + metric + "'"));
        registry.promote(best, audit, actor, "best " + metric + " of run " + runId);
        return "promoted " + best.path() + " (best " + metric + " of run " + runId + ")";
    }
}
