package io.tumorboard.federation.cli;

import io.tumorboard.federation.standalone.CoordinatorSettings;
import io.tumorboard.federation.standalone.StandaloneCoordinator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code federation coordinator --config coordinator.yaml}: serves one run until it is finished. */
@Command(name = "coordinator", mixinStandardHelpOptions = true,
        description = "Run the federation's coordinator from a configuration file (see federation/config/coordinator.yaml).")
final class CoordinatorCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "The coordinator's YAML configuration.")
    Path config;

    @Option(names = "--set", description = "Override a key, e.g. --set listen.port=0 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--print-digest", description = "Print the run configuration's digest (what sites approve) and exit.")
    boolean printDigest;

    @Option(names = "--max-hours", defaultValue = "24", description = "Give up after this many hours (default ${DEFAULT-VALUE}).")
    long maxHours;

    @Override
    public Integer call() throws Exception {
        CoordinatorSettings settings = CoordinatorSettings.read(config, overrides);
        if (printDigest) {
            System.out.println("# run " + settings.run().id() + "\n" + settings.run().configuration().digest());
            return 0;
        }
        try (StandaloneCoordinator coordinator = new StandaloneCoordinator(settings, System.out, Clock.systemUTC())) {
            coordinator.start();
            if (!coordinator.awaitFinished(Duration.ofHours(maxHours))) {
                System.err.println("run " + settings.run().id() + " not finished after " + maxHours + " h; "
                        + coordinator.run().completedRounds() + " rounds completed (restart to resume)");
                return 2;
            }
            System.out.println("registry: " + settings.registry().resolve(settings.run().id()));
            return 0;
        }
    }
}
