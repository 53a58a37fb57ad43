package io.tumorboard.federation.standalone;

import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.Strategy;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The coordinator's configuration file ({@code federation/config/coordinator.yaml} documents every key).
 *
 * @param listen where the gRPC server binds
 * @param tls the coordinator's certificate, key and the federation CA (PEM)
 * @param work checkpoints, spooled updates and the audit log
 * @param registry the model registry root
 * @param metricsPort Prometheus {@code /metrics} port; 0 any free port, negative for none
 * @param sites the admitted sites (certificate CNs)
 * @param features where the sites' feature summaries are and where the fitted setup goes
 * @param run the training run to start
 */
public record CoordinatorSettings(Listen listen, Tls tls, Path work, Path registry, int metricsPort, List<String> sites,
                                  Features features, Run run) {

    public static CoordinatorSettings read(Path file, List<String> overrides) {
        return SettingsFile.read(file, overrides, CoordinatorSettings.class);
    }

    /** @param host bind address; @param port TCP port, 0 for any free port */
    public record Listen(String host, int port) {
    }

    /** PEM files: this party's certificate and PKCS#8 key, and the federation CA certificate. */
    public record Tls(Path certificate, Path privateKey, Path caCertificate) {
    }

    /**
     * @param summaries the sites' feature summaries; the pipeline is fitted from them at start (empty: use setup as is)
     * @param setup where the fitted fusion setup (spec + feature pipeline) is written, for the sites
     */
    public record Features(List<Path> summaries, Path setup) {
    }

    /** The run; see coordinator.yaml for units and meaning. */
    public record Run(String id, int rounds, int sitesPerRound, int minSites, long roundTimeoutSeconds, int localEpochs,
                      double learningRate, Strategy strategy, double proximalMu, UpdateEncoding encoding,
                      double maxUpdateNorm, long seed, double trimFraction, double serverLearningRate,
                      double dpClipNorm, double dpNoiseMultiplier, double dpDelta) {

        public RunConfiguration configuration() {
            return new RunConfiguration(id, rounds, sitesPerRound, minSites, Duration.ofSeconds(roundTimeoutSeconds),
                    localEpochs, learningRate, strategy, proximalMu, encoding, maxUpdateNorm, seed, trimFraction,
                    serverLearningRate, 0.9, 0.99, 1e-3, dpClipNorm, dpNoiseMultiplier, dpDelta);
        }
    }
}
