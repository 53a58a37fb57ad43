package io.tumorboard.federation.cli;

import io.tumorboard.federation.site.SiteNode;
import io.tumorboard.federation.standalone.SiteSettings;
import io.tumorboard.federation.standalone.StandaloneSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code federation site --config site.yaml [--summarize]}: a hospital's site node. */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = "Run a hospital's site node from a configuration file (see federation/config/site.yaml).")
final class SiteCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "The site's YAML configuration.")
    Path config;

    @Option(names = "--set", description = "Override a key, e.g. --set coordinator.port=7443 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--summarize", description = "Only write the site's aggregate feature summary (to featureSummary) and exit.")
    boolean summarize;

    @Override
    public Integer call() {
        StandaloneSite site = new StandaloneSite(SiteSettings.read(config, overrides), System.out);
        if (summarize) {
            site.summarize();
            return 0;
        }
        return site.run() == SiteNode.Outcome.DONE ? 0 : 3;
    }
}
