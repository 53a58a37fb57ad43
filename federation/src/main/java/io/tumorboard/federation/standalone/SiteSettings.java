package io.tumorboard.federation.standalone;

import java.nio.file.Path;
import java.util.List;

/**
 * A hospital site node's configuration file ({@code federation/config/site.yaml} documents every key).
 *
 * @param name the site's name: its certificate's CN and its cases' {@code site} field
 * @param run the run this site takes part in (it must also be approved: its digest in {@code approvedRuns})
 * @param coordinator where to dial out to
 * @param tls the site's certificate and key and the federation CA (PEM)
 * @param cases the site's case dataset: a JSON-lines file, or a folder of {@code *.jsonl} files
 * @param fusionSetup the run's fusion setup as handed out by the coordinator
 * @param featureSummary where {@code site --summarize} writes this site's aggregate summary
 * @param approvedRuns the governance's allow-list of run configuration digests
 * @param privacy the least differential privacy this site accepts
 * @param heldOutFraction share of cases kept for federated evaluation, 0-1
 * @param seed salt of the stable held-out split
 * @param heartbeatSeconds interval between heartbeats
 */
public record SiteSettings(String name, String run, Coordinator coordinator, CoordinatorSettings.Tls tls, Path cases,
                           Path fusionSetup, Path featureSummary, Path approvedRuns, Privacy privacy,
                           double heldOutFraction, long seed, long heartbeatSeconds) {

    public static SiteSettings read(Path file, List<String> overrides) {
        return SettingsFile.read(file, overrides, SiteSettings.class);
    }

    /** @param host coordinator host name or address (must be in its certificate); @param port its TCP port */
    public record Coordinator(String host, int port) {
    }

    /** @param required refuse runs without DP; @param maxClipNorm largest clip norm accepted; @param minNoiseMultiplier smallest noise multiplier accepted */
    public record Privacy(boolean required, double maxClipNorm, double minNoiseMultiplier) {
    }
}
