package io.tumorboard.federation.fusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.model.cases.CaseJson;
import io.tumorboard.model.learning.FusionModel;
import io.tumorboard.model.learning.ModelSpec;
import io.tumorboard.model.learning.features.FeaturePipeline;
import io.tumorboard.model.learning.features.SiteFeatureSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What every participant of a fusion run must share before round 1: the network's spec and the fitted feature
 * pipeline. The coordinator fits the pipeline from the sites' {@link SiteFeatureSummary aggregate summaries}
 * and hands this file to each site (it holds medians, IQRs, counts and a vocabulary, never a case).
 *
 * <p>The setup's digest is part of the model layout's tensor name, so a site that trains with another
 * pipeline sends an update whose layout the coordinator refuses, instead of silently averaging
 * incompatible networks.
 *
 * @param spec the network's shape and seed
 * @param pipeline the shared feature pipeline
 */
public record FusionSetup(ModelSpec spec, FeaturePipeline pipeline) {

    private static final ObjectMapper JSON = CaseJson.mapper();

    @JsonCreator
    public FusionSetup(@JsonProperty("spec") ModelSpec spec, @JsonProperty("pipeline") FeaturePipeline pipeline) {
        this.spec = spec;
        this.pipeline = pipeline;
    }

    /** The setup for a run with {@code seed}, its pipeline fitted from the sites' summaries. */
    public static FusionSetup fromSummaries(List<SiteFeatureSummary> summaries, long seed) {
        return new FusionSetup(ModelSpec.defaults().withSeed(seed), FeaturePipeline.fromSummaries(summaries));
    }

    /** SHA-256 of the setup's canonical JSON. */
    public String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(this)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the fusion setup", e);
        }
    }

    /** A freshly initialised network (equal for equal setups: the spec's seed fixes the initial weights). */
    public FusionModel newModel() {
        return FusionModel.create(spec, pipeline);
    }

    /** The flat layout the federation moves, named after this setup's digest. */
    public ModelLayout layout(long parameterCount) {
        return ModelLayout.flat("fusion-" + digest().substring(0, 16), Math.toIntExact(parameterCount));
    }

    public void write(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fusion setup " + file, e);
        }
    }

    public static FusionSetup read(Path file) {
        try {
            return JSON.readValue(file.toFile(), FusionSetup.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fusion setup " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a site's summary (the file a hospital reviews before it leaves). */
    public static void writeSummary(SiteFeatureSummary summary, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feature summary " + file, e);
        }
    }

    public static SiteFeatureSummary readSummary(Path file) {
        try {
            return JSON.readValue(file.toFile(), SiteFeatureSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feature summary " + file + ": " + e.getMessage(), e);
        }
    }
}
