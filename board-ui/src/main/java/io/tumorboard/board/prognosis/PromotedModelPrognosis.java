package io.tumorboard.board.prognosis;

import io.tumorboard.board.models.ModelRegistry;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.learning.ModelPackage;
import io.tumorboard.model.learning.Prediction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The prognosis of the model the registry's {@code promoted} pointer names, through the learning module's
 * {@link io.tumorboard.model.learning.FusionModel#predict}. The package is loaded on first use and again when the
 * pointer or the package file changes. With no promoted package the answer is {@link NoPromotedModel}'s.
 * A prediction the model abstains from or refuses is shown as an abstention with the model's own reasons.
 * The same loaded model gives the fused embeddings similar past cases are ranked by.
 */
@Component
class PromotedModelPrognosis implements PrognosisSource, FusedEmbedding {

    private static final Logger LOG = LoggerFactory.getLogger(PromotedModelPrognosis.class);

    private final ModelRegistry registry;
    private final NoPromotedModel none = new NoPromotedModel();
    private Loaded loaded;

    PromotedModelPrognosis(ModelRegistry registry) {
        this.registry = registry;
    }

    /** A loaded package and what it was loaded from. */
    private record Loaded(String version, Path file, FileTime modified, ModelPackage.Loaded model) {
    }

    @Override
    public synchronized Prognosis forCase(PatientCase patientCase) {
        Optional<ModelRegistry.PromotedPackage> promoted = registry.promotedPackage();
        if (promoted.isEmpty()) {
            loaded = null;
            return none.forCase(patientCase);
        }
        Loaded model = load(promoted.get());
        Prognosis.ModelVersion version = new Prognosis.ModelVersion(model.version(), "/models#" + io.tumorboard.board.models.ModelVersionEntry.anchorOf(model.version()));
        // The network is not thread-safe; the board views one case at a time, so predictions are serialised here.
        Prediction p = model.model().model().predict(patientCase);
        return switch (p.status()) {
            case ABSTAINED, REFUSED -> new Prognosis.Abstained(version, String.join("; ", p.warnings()));
            case OK, WARNING -> predicted(version, p);
        };
    }

    @Override
    public synchronized Optional<Embedded> embed(List<PatientCase> cases) {
        Optional<ModelRegistry.PromotedPackage> promoted = registry.promotedPackage();
        if (promoted.isEmpty()) {
            return Optional.empty();
        }
        var model = load(promoted.get()).model().model();
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
        List<double[]> vectors = new ArrayList<>(java.util.Collections.nCopies(cases.size(), (double[]) null));
        List<double[]> rows = model.embeddings(encoded);
        for (int j = 0; j < rows.size(); j++) {
            vectors.set(places.get(j), rows.get(j));
        }
        return Optional.of(new Embedded(promoted.get().version(), vectors));
    }

    private Loaded load(ModelRegistry.PromotedPackage promoted) {
        try {
            FileTime modified = Files.getLastModifiedTime(promoted.file());
            if (loaded == null || !loaded.file().equals(promoted.file()) || !loaded.modified().equals(modified)) {
                loaded = new Loaded(promoted.version(), promoted.file(), modified, ModelPackage.load(promoted.file()));
                LOG.info("Loaded promoted model {} from {}", promoted.version(), promoted.file());
            }
            return loaded;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the promoted model package " + promoted.file(), e);
        }
    }

    private static Prognosis.Predicted predicted(Prognosis.ModelVersion version, Prediction p) {
        List<Prognosis.SurvivalPoint> curve = new ArrayList<>();
        double[] days = p.survivalDays();
        for (int i = 0; i < days.length; i++) {
            boolean horizon = i == days.length - 1;
            // The model gives its MC-dropout interval for the horizon risk only; earlier points carry no band.
            double lower = horizon ? 1 - p.riskHigh() : p.survival()[i];
            double upper = horizon ? 1 - p.riskLow() : p.survival()[i];
            curve.add(new Prognosis.SurvivalPoint((int) Math.round(days[i]), p.survival()[i], lower, upper));
        }
        Map<String, Double> contributions = new LinkedHashMap<>();
        p.contributions().forEach((modality, change) -> contributions.put(modality.name().toLowerCase(), change));
        int horizonDays = days.length == 0 ? 0 : (int) Math.round(days[days.length - 1]);
        return new Prognosis.Predicted(version, curve, p.riskScore(), p.riskLow(), p.riskHigh(), horizonDays,
                contributions, p.warnings());
    }
}
