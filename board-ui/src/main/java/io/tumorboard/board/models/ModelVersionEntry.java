package io.tumorboard.board.models;

import java.util.List;

/**
 * One model version found in the registry: the global model of a run after one round.
 *
 * @param version the version as the {@code promoted} file names it, {@code <run-id>/round-<NNNN>}
 * @param promoted whether the {@code promoted} pointer names it
 * @param lineage its lineage, null when {@code lineage.json} is absent or unreadable
 * @param files the files its folder holds
 * @param missing what a promotable version needs and this one lacks
 * @param modelCard the model card text, null when absent
 */
public record ModelVersionEntry(String version, boolean promoted, ModelLineage lineage, List<String> files,
        List<String> missing, String modelCard) {

    /** The HTML anchor of the version on the models page ({@code /} is not allowed in every browser's ids). */
    public String anchor() {
        return anchorOf(version);
    }

    public boolean promotable() {
        return missing.isEmpty() && !promoted;
    }

    public static String anchorOf(String version) {
        return "model-" + version.replace('/', '-');
    }
}
