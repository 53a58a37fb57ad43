package io.tumorboard.federation.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.simulation.LoopbackFederation;
import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.cases.PatientCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.RoundListeners;
import io.tumorboard.federation.registry.ModelRegistry;
import io.tumorboard.federation.registry.ModelVersion;
import io.tumorboard.model.learning.ModelCard;
import io.tumorboard.model.learning.ModelPackage;
import io.tumorboard.model.learning.evaluation.EvaluatedCase;
import io.tumorboard.model.learning.evaluation.SurvivalEvaluation;
import io.tumorboard.model.learning.features.SiteFeatureSummary;
import java.nio.file.Files;
import java.time.Clock;
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
        // The shared feature pipeline is fitted from the sites' aggregate summaries, not from their cases.
        Map<String, SiteCaseDataset> data = new java.util.LinkedHashMap<>();
        List<SiteFeatureSummary> summaries = new java.util.ArrayList<>();
        for (String s : sites) {
            data.put(s, SiteCaseDataset.read(dir.resolve(s + ".jsonl"), 25));
            summaries.add(SiteFeatureSummary.of(s, data.get(s).training()));
        }
        FusionSetup setup = new FusionSetup(TINY, FeaturePipeline.fromSummaries(summaries));
        Map<String, FusionModelTrainer> trainers = new java.util.LinkedHashMap<>();
        data.forEach((s, d) -> trainers.put(s, new FusionModelTrainer(setup, d.training(), d.heldOut())));
        RunConfiguration cfg = RunConfiguration.of("fusion", 3, 2, 2).withTraining(2, 1e-2, Duration.ofSeconds(60), 5L);
        Map<Integer, Map<String, Double>> concordance = new ConcurrentHashMap<>();
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"), new FusionPackager(setup, summaries),
                Clock.systemUTC());
        registry.runStarted(cfg, sites, Map.of("model", "fusion"));
        RoundListener progress = new RoundListener() {
            @Override
            public void siteReported(String runId, int round, String site, SiteReport report) {
                Double c = report.metrics().get("eval_harrell_c");
                if (c != null) {
                    concordance.computeIfAbsent(round, r -> new ConcurrentHashMap<>()).put(site, c);
                }
            }
        };
        try (LoopbackFederation fed = new LoopbackFederation(dir.resolve("run"), cfg,
                trainers.get("site-a").initialModel(), Set.copyOf(sites), new RoundListeners(List.of(progress, registry)))) {
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

        Path run = dir.resolve("registry").resolve("fusion");
        assertThat(registry.versions("fusion")).extracting(ModelVersion::round).containsExactly(1, 2, 3);
        ModelVersion last = new ModelVersion("fusion", 3);
        ModelPackage.Loaded loaded = ModelPackage.load(run.resolve("round-0003").resolve("model.zip"));
        assertThat(loaded.model().pipeline()).isEqualTo(setup.pipeline());
        assertThat(loaded.card().metrics()).containsKey("harrell_c");
        assertThat(loaded.card().metrics().get("harrell_c").value())
                .isCloseTo(weightedMean(concordance.get(4), data), org.assertj.core.data.Offset.offset(1e-9));
        assertCalibrationTableMatchesTheCentralOne(loaded, data, setup);
        JsonNode lineage = registry.lineage(last);
        assertThat(lineage.path("calibration")).hasSize(loaded.card().calibration().size());
        assertThat(lineage.path("parent").asText()).isEqualTo("fusion/round-0002");
        assertThat(lineage.path("sites")).hasSize(2);
        assertThat(lineage.path("evaluation").path("sites").path("site-a").path("metrics").path("harrell_c").asDouble())
                .isEqualTo(concordance.get(4).get("site-a"));
        assertThat(new ObjectMapper().readTree(run.resolve("run.json").toFile()).path("status").asText())
                .isEqualTo("finished");
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"site\":\"global\"", "\"phase\":\"evaluate\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"site\":\"site-b\"", "\"phase\":\"train\""));

        ModelVersion best = registry.bestBy("fusion", "harrell_c", false).orElseThrow();
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        registry.promote(best, audit, "test", "best harrell_c");
        assertThat(registry.promoted()).contains(best);
        assertThat(audit.entries()).singleElement().satisfies(e -> assertThat(e.event()).isEqualTo(AuditEvent.MODEL_PROMOTED));
    }

    /**
     * The final package's card carries a calibration table pooled from the two sites' aggregates, which the test
     * (seeing both sites' cases, as no coordinator does) checks against the central table of the same predictions.
     */
    private static void assertCalibrationTableMatchesTheCentralOne(ModelPackage.Loaded loaded,
                                                                   Map<String, SiteCaseDataset> data, FusionSetup setup) {
        List<EvaluatedCase> heldOut = new java.util.ArrayList<>();
        data.values().forEach(d -> d.heldOut().stream().filter(c -> c.outcome() != null).forEach(c -> {
            var p = loaded.model().predict(c);
            if (Double.isFinite(p.riskScore())) {
                heldOut.add(new EvaluatedCase(c.caseKey(), c.outcome().followUpDays(), c.outcome().death(), c.site(),
                        "unknown", "unknown", p.survival()));
            }
        }));
        List<ModelCard.CalibrationGroup> central = new SurvivalEvaluation(setup.spec().intervals(), 0, 1)
                .calibration(heldOut);
        List<ModelCard.CalibrationGroup> federated = loaded.card().calibration();
        System.out.println("calibration, federated vs central: " + federated + " vs " + central);

        assertThat(federated).isNotEmpty().allSatisfy(g -> assertThat(g.hasRange()).isTrue());
        assertThat(federated.stream().mapToInt(ModelCard.CalibrationGroup::cases).sum()).isEqualTo(heldOut.size());
        assertThat(federated.size()).isLessThanOrEqualTo(central.size());
        assertThat(federated.get(0).lowestPredictedRisk())
                .isCloseTo(central.get(0).lowestPredictedRisk(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(federated.get(federated.size() - 1).highestPredictedRisk()).isCloseTo(
                central.get(central.size() - 1).highestPredictedRisk(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(loaded.card().limits()).noneMatch(l -> l.startsWith("no calibration table"));
        assertThat(loaded.card().evaluation()).contains("actuarial");
    }

    /** Held-out-example-weighted mean of the sites' C, as the registry computes the global value. */
    private static double weightedMean(Map<String, Double> bySite, Map<String, SiteCaseDataset> data) {
        double sum = 0;
        double n = 0;
        for (Map.Entry<String, Double> e : bySite.entrySet()) {
            long examples = data.get(e.getKey()).heldOut().stream().filter(c -> c.outcome() != null).count();
            sum += e.getValue() * examples;
            n += examples;
        }
        return sum / n;
    }
}
