package io.tumorboard.board.prognosis;

import io.tumorboard.board.models.ModelRegistry;
import io.tumorboard.board.store.CaseSummary;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.ModelPackage;
import io.tumorboard.model.learning.Prediction;
import io.tumorboard.model.learning.survival.SurvivalIntervals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The prognosis of the model the registry's {@code promoted} pointer names, through the learning module's
 * {@link io.tumorboard.model.learning.FusionModel#predict}. The package is loaded on first use and again when the
 * pointer or the package file changes. With no promoted package the answer is {@link NoPromotedModel}'s.
 * A prediction the model abstains from or refuses is shown as an abstention with the model's own reasons.
 * The same loaded model gives the fused embeddings similar past cases are ranked by.
 *
 * <p>Predictions and embeddings are cached per case version and model version (package file and its
 * modification time): a case version never changes (a new pipeline run writes a new version), and the MC-dropout
 * prediction costs tens of forward passes under a lock, which made every case view wait for every other one.
 * A cached prognosis also shows the same numbers on every view of the same case version.
 */
@Component
class PromotedModelPrognosis implements PrognosisSource, FusedEmbedding {

    private static final Logger LOG = LoggerFactory.getLogger(PromotedModelPrognosis.class);
    /** Enough for every current case of a site's store several times over; about 2 kB per entry. */
    static final int CACHED_CASES = 20_000;

    private final ModelRegistry registry;
    private final NoPromotedModel none = new NoPromotedModel();
    private final Map<CaseUnderModel, Prognosis> prognoses = lru();
    private final Map<CaseUnderModel, Optional<double[]>> embeddings = lru();
    private Loaded loaded;

    PromotedModelPrognosis(ModelRegistry registry) {
        this.registry = registry;
    }

    /** A loaded package and what it was loaded from. */
    private record Loaded(String version, Path file, FileTime modified, ModelPackage.Loaded model) {
    }

    /** One case version under one model package state: the cache key. */
    private record CaseUnderModel(String caseKey, long caseVersion, Path modelFile, FileTime modelModified) {
    }

    private static <V> Map<CaseUnderModel, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CaseUnderModel, V> eldest) {
                return size() > CACHED_CASES;
            }
        });
    }

    @Override
    public Prognosis forCase(PatientCase patientCase) {
        Optional<ModelRegistry.PromotedPackage> promoted = registry.promotedPackage();
        if (promoted.isEmpty()) {
            return none.forCase(patientCase);
        }
        CaseUnderModel key = new CaseUnderModel(patientCase.caseKey(), patientCase.caseVersion(),
                promoted.get().file(), modified(promoted.get().file()));
        Prognosis cached = prognoses.get(key);
        if (cached != null) {
            return cached;
        }
        return predict(key, promoted.get(), patientCase);
    }

    /**
     * The network is not thread-safe: loading and predicting are serialised here (cache misses only). Board
     * members opening the same case at once wait here; the cache is read again under the lock so the case is
     * predicted once, not once per member.
     */
    private synchronized Prognosis predict(CaseUnderModel key, ModelRegistry.PromotedPackage promoted,
                                           PatientCase patientCase) {
        Prognosis cached = prognoses.get(key);
        if (cached != null) {
            return cached;
        }
        Prognosis computed = predictUncached(promoted, patientCase);
        prognoses.put(key, computed);
        return computed;
    }

    private Prognosis predictUncached(ModelRegistry.PromotedPackage promoted, PatientCase patientCase) {
        Loaded model = load(promoted);
        Prognosis.ModelVersion version = new Prognosis.ModelVersion(model.version(),
                "/models#" + io.tumorboard.board.models.ModelVersionEntry.anchorOf(model.version()));
        Prediction p = model.model().model().predict(patientCase);
        return switch (p.status()) {
            case ABSTAINED, REFUSED -> new Prognosis.Abstained(version, String.join("; ", p.warnings()));
            case OK, WARNING -> predicted(version, p, RiskGroups.place(model.model().card(), 1 - SurvivalIntervals
                    .survivalAt(p.survival(), model.model().model().spec().intervals(), RiskGroups.HORIZON_DAYS)));
        };
    }

    @Override
    public Optional<ModelState> promotedModel() {
        return registry.promotedPackage().map(p -> new ModelState(p.version(), p.file(), modified(p.file())));
    }

    @Override
    public Optional<Embedded> embed(List<CaseSummary> cases, Function<CaseSummary, PatientCase> decode) {
        Optional<ModelRegistry.PromotedPackage> promoted = registry.promotedPackage();
        if (promoted.isEmpty()) {
            return Optional.empty();
        }
        Path file = promoted.get().file();
        FileTime modified = modified(file);
        List<double[]> vectors = new ArrayList<>(Collections.nCopies(cases.size(), (double[]) null));
        if (!cached(cases, file, modified, vectors).isEmpty()) {
            embedMissing(promoted.get(), file, modified, cases, decode, vectors);
        }
        return Optional.of(new Embedded(promoted.get().version(), vectors));
    }

    /** Fills {@code vectors} from the cache and answers the indices it does not hold. */
    private List<Integer> cached(List<CaseSummary> cases, Path file, FileTime modified, List<double[]> vectors) {
        List<Integer> missing = new ArrayList<>();
        // One lock for the whole lookup: a case page asks for ~200 embeddings, and taking the map's lock per
        // entry made 50 concurrent views queue on it.
        synchronized (embeddings) {
            for (int i = 0; i < cases.size(); i++) {
                Optional<double[]> hit = embeddings.get(new CaseUnderModel(cases.get(i).caseKey(),
                        cases.get(i).caseVersion(), file, modified));
                if (hit == null) {
                    missing.add(i);
                } else {
                    vectors.set(i, hit.orElse(null));
                }
            }
        }
        return missing;
    }

    /**
     * Embeds what the cache still lacks, under the model's lock; looking again under it means views that missed
     * together (a workbench just started, a model just promoted) embed each case once, not once per view.
     */
    private synchronized void embedMissing(ModelRegistry.PromotedPackage promoted, Path file, FileTime modified,
                                           List<CaseSummary> cases, Function<CaseSummary, PatientCase> decode,
                                           List<double[]> vectors) {
        List<Integer> missing = cached(cases, file, modified, vectors);
        if (missing.isEmpty()) {
            return;
        }
        List<PatientCase> decoded = missing.stream().map(i -> decode.apply(cases.get(i))).toList();
        List<double[]> fresh = embedUncached(promoted, decoded);
        for (int j = 0; j < missing.size(); j++) {
            CaseSummary s = cases.get(missing.get(j));
            vectors.set(missing.get(j), fresh.get(j));
            embeddings.put(new CaseUnderModel(s.caseKey(), s.caseVersion(), file, modified),
                    Optional.ofNullable(fresh.get(j)));
        }
    }

    private List<double[]> embedUncached(ModelRegistry.PromotedPackage promoted, List<PatientCase> cases) {
        var model = load(promoted).model().model();
        List<io.tumorboard.model.learning.features.CaseFeatures> encoded = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            try {
                encoded.add(model.pipeline().encode(cases.get(i)));
                places.add(i);
            } catch (RuntimeException e) {
                LOG.debug("case {} cannot be encoded for similarity: {}", cases.get(i).caseKey(), e.getMessage());
            }
        }
        List<double[]> vectors = new ArrayList<>(Collections.nCopies(cases.size(), (double[]) null));
        List<double[]> rows = encoded.isEmpty() ? List.of() : model.embeddings(encoded);
        for (int j = 0; j < rows.size(); j++) {
            vectors.set(places.get(j), rows.get(j));
        }
        return vectors;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the promoted model package " + file, e);
        }
    }

    private Loaded load(ModelRegistry.PromotedPackage promoted) {
        FileTime modified = modified(promoted.file());
        if (loaded == null || !loaded.file().equals(promoted.file()) || !loaded.modified().equals(modified)) {
            loaded = new Loaded(promoted.version(), promoted.file(), modified, ModelPackage.load(promoted.file()));
            LOG.info("Loaded promoted model {} from {}", promoted.version(), promoted.file());
        }
        return loaded;
    }

    private static Prognosis.Predicted predicted(Prognosis.ModelVersion version, Prediction p, RiskGroup group) {
        List<Prognosis.SurvivalPoint> curve = new ArrayList<>();
        double[] days = p.survivalDays();
        for (int i = 0; i < days.length; i++) {
            curve.add(new Prognosis.SurvivalPoint((int) Math.round(days[i]), p.survival()[i], p.survivalLow()[i],
                    p.survivalHigh()[i]));
        }
        Map<String, Double> contributions = new LinkedHashMap<>();
        p.contributions().forEach((modality, change) -> contributions.put(modality.name().toLowerCase(), change));
        int horizonDays = days.length == 0 ? 0 : (int) Math.round(days[days.length - 1]);
        return new Prognosis.Predicted(version, curve, p.riskScore(), p.riskLow(), p.riskHigh(), horizonDays,
                contributions, p.warnings(), group);
    }
}
