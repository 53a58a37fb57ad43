package io.tumorboard.model.learning.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The learning commands: train, evaluate, predict, bench. */
@Command(name = "tumorboard-learning", mixinStandardHelpOptions = true,
        description = "Train, evaluate, run and benchmark the multimodal survival fusion network.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, BenchCommand.class})
public final class LearningCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new LearningCli()).execute(args));
    }
}
