package io.tumorboard.federation.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.simulation.LoopbackFederation;
import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.FusionModel;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.bench.SyntheticCohort;
import io.tumorboard.model.learning.features.FeaturePipeline;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FusionFederationIT {

    private static final ModelSpec TINY = new ModelSpec(8, 4, ModelSpec.Fusion.GATED, EnumSet.allOf(Modality.class),
            0.1, 0.25, new SurvivalIntervals(10, 5 * 365), 3L);

    @TempDir
    Path dir;

    @Test
    void twoSitesTrainTheFusionNetworkFromTheirOwnCaseFilesOverMutualTlsAndReportHeldOutConcordance()
            throws Exception {
        List<String> sites = List.of("site-a", "site-b");
        List<PatientCase> cohort = new SyntheticCohort(11).cases(320, sites);
        CaseCodec codec = new CaseCodec(CaseCodec.UnknownFields.REJECT);
        for (String s : sites) {
            codec.write(dir.resolve(s + ".jsonl"), cohort.stream().filter(c -> c.site().equals(s)).toList());
        }
        // The shared feature pipeline is agreed before the run; here it is fitted on site-a's file alone.
        SiteCaseDataset a = SiteCaseDataset.read(dir.resolve("site-a.jsonl"), 25);
        FeaturePipeline pipeline = FeaturePipeline.fit(a.training());
        Map<String, FusionModelTrainer> trainers = new java.util.LinkedHashMap<>();
        for (String s : sites) {
            SiteCaseDataset d = SiteCaseDataset.read(dir.resolve(s + ".jsonl"), 25);
            trainers.put(s, new FusionModelTrainer(FusionModel.create(TINY, pipeline), d.training(), d.heldOut()));
        }
        RunConfiguration cfg = RunConfiguration.of("fusion", 3, 2, 2).withTraining(2, 1e-2, Duration.ofSeconds(60), 5L);
        Map<Integer, Map<String, Double>> concordance = new ConcurrentHashMap<>();
        RoundListener listener = new RoundListener() {
            @Override
            public void siteReported(String runId, int round, String site, SiteReport report) {
                Double c = report.metrics().get("eval_harrell_c");
                if (c != null) {
                    concordance.computeIfAbsent(round, r -> new ConcurrentHashMap<>()).put(site, c);
                }
            }
        };
        try (LoopbackFederation fed = new LoopbackFederation(dir.resolve("run"), cfg,
                trainers.get("site-a").initialModel(), Set.copyOf(sites), listener)) {
            fed.startCoordinator();
            trainers.forEach(fed::startSite);
            assertThat(fed.awaitFinished(Duration.ofSeconds(120))).isTrue();
            assertThat(fed.run().completedRounds()).isEqualTo(3);
        }
        System.out.println("held-out Harrell C per round and site: " + concordance.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
        assertThat(concordance.get(4)).as("final model evaluated at both sites").containsOnlyKeys("site-a", "site-b");
        assertThat(concordance.get(4).values()).allSatisfy(c -> assertThat(c).isGreaterThan(0.5));
    }
}
