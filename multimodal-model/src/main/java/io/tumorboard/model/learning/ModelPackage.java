package io.tumorboard.model.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.CaseJson;
import io.tumorboard.model.cases.Modality;
import io.tumorboard.model.learning.features.FeaturePipeline;
import io.tumorboard.model.learning.network.MahalanobisDetector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A versioned model package: one zip holding the DL4J network ({@code network.zip}, ModelSerializer, without
 * the updater state), the manifest ({@code manifest.json}: package version, spec, feature names, the fitted
 * feature pipeline, the OOD detector, the model card) and the card rendered for people ({@code model-card.md}).
 * A package of another {@link #PACKAGE_VERSION}, or built for another major case schema version, is refused on
 * load, naming both versions.
 */
public final class ModelPackage {

    public static final String FORMAT = "tumorboard.fusion-model";
    /**
     * Bump on any change to the manifest's meaning or the network's inputs or outputs; old packages are then
     * refused. Version 2: stage heads for T, N and the stage group per modality (version 1 had T only).
     */
    public static final int PACKAGE_VERSION = 2;
    static final String NETWORK = "network.zip";
    static final String MANIFEST = "manifest.json";
    static final String CARD = "model-card.md";

    private static final ObjectMapper JSON = CaseJson.mapper();

    private ModelPackage() {
    }

    /**
     * The manifest.
     *
     * @param format always {@link #FORMAT}
     * @param packageVersion the package schema version it was written under
     * @param caseSchemaVersion the case schema ({@link CaseCodec#SCHEMA_VERSION}) its features were built for
     * @param createdAt when it was written
     * @param spec the network's shape
     * @param featureNames input feature names per modality
     * @param pipeline the fitted feature pipeline
     * @param ood the OOD detector with its abstention threshold
     * @param card the model card
     */
    public record Manifest(String format, int packageVersion, String caseSchemaVersion, Instant createdAt, ModelSpec spec,
                           Map<Modality, java.util.List<String>> featureNames, FeaturePipeline pipeline,
                           MahalanobisDetector ood, ModelCard card) {

        @JsonCreator
        public Manifest(@JsonProperty("format") String format, @JsonProperty("packageVersion") int packageVersion,
                        @JsonProperty("caseSchemaVersion") String caseSchemaVersion,
                        @JsonProperty("createdAt") Instant createdAt, @JsonProperty("spec") ModelSpec spec,
                        @JsonProperty("featureNames") Map<Modality, java.util.List<String>> featureNames,
                        @JsonProperty("pipeline") FeaturePipeline pipeline,
                        @JsonProperty("ood") MahalanobisDetector ood, @JsonProperty("card") ModelCard card) {
            this.format = format;
            this.packageVersion = packageVersion;
            this.caseSchemaVersion = caseSchemaVersion;
            this.createdAt = createdAt;
            this.spec = spec;
            this.featureNames = featureNames;
            this.pipeline = pipeline;
            this.ood = ood;
            this.card = card;
        }
    }

    /** A loaded package: the model ready to predict, and its card. */
    public record Loaded(FusionModel model, ModelCard card, Instant createdAt) {
    }

    public static void save(FusionModel model, ModelCard card, Path file) {
        Map<Modality, java.util.List<String>> names = new EnumMap<>(Modality.class);
        for (Modality m : Modality.values()) {
            names.put(m, model.pipeline().featureNames(m));
        }
        Manifest manifest = new Manifest(FORMAT, PACKAGE_VERSION, CaseCodec.SCHEMA_VERSION, Instant.now(), model.spec(), names,
                model.pipeline(), model.ood(), card);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            ByteArrayOutputStream network = new ByteArrayOutputStream();
            ModelSerializer.writeModel(model.graph(), network, false);
            put(zip, NETWORK, network.toByteArray());
            put(zip, MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            put(zip, CARD, card.toMarkdown("multimodal survival fusion network", model.spec())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model package " + file, e);
        }
    }

    public static Loaded load(Path file) {
        byte[] network = null;
        byte[] manifestBytes = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(NETWORK)) {
                    network = zip.readAllBytes();
                } else if (entry.getName().equals(MANIFEST)) {
                    manifestBytes = zip.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new ModelPackageException(file, "not a readable zip: " + e.getMessage());
        }
        if (manifestBytes == null || network == null) {
            throw new ModelPackageException(file, "missing " + (manifestBytes == null ? MANIFEST : NETWORK));
        }
        Manifest manifest = readManifest(file, manifestBytes);
        try {
            ComputationGraph graph = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(network), false);
            FusionModel model = new FusionModel(manifest.spec(), manifest.pipeline(), graph, manifest.ood());
            return new Loaded(model, manifest.card(), manifest.createdAt());
        } catch (IOException e) {
            throw new ModelPackageException(file, "network cannot be restored: " + e.getMessage());
        }
    }

    private static Manifest readManifest(Path file, byte[] bytes) {
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ModelPackageException(file, "manifest is not JSON: " + e.getMessage());
        }
        if (!FORMAT.equals(node.path("format").asText())) {
            throw new ModelPackageException(file, "not a fusion model package (format '"
                    + node.path("format").asText() + "')");
        }
        int version = node.path("packageVersion").asInt(-1);
        if (version != PACKAGE_VERSION) {
            throw new ModelPackageException(file, "package schema version " + version + " cannot be loaded by this "
                    + "version, which reads version " + PACKAGE_VERSION + ": retrain or use the matching release");
        }
        String caseSchema = node.path("caseSchemaVersion").asText("");
        if (!major(caseSchema).equals(major(CaseCodec.SCHEMA_VERSION))) {
            throw new ModelPackageException(file, "built for case schema " + caseSchema + ", this version reads case "
                    + "schema " + CaseCodec.SCHEMA_VERSION + ": the major versions differ");
        }
        try {
            return JSON.treeToValue(node, Manifest.class);
        } catch (IOException e) {
            throw new ModelPackageException(file, "manifest does not match version " + PACKAGE_VERSION + ": "
                    + e.getMessage());
        }
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A package that cannot be loaded, with the file and the reason. */
    public static final class ModelPackageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ModelPackageException(Path file, String reason) {
            super("model package " + file.getFileName() + ": " + reason);
        }
    }
}
