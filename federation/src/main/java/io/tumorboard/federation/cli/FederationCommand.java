package io.tumorboard.federation.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code federation}: certificate tooling, simulations and benchmarks for federated training. */
@Command(name = "federation", mixinStandardHelpOptions = true,
        description = "Federated training across hospitals over gRPC with mutual TLS.",
        subcommands = {CertsCommand.class, CoordinatorCommand.class, SiteCommand.class, PromoteCommand.class,
                SimulateCommand.class, BenchCommand.class})
public final class FederationCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FederationCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
