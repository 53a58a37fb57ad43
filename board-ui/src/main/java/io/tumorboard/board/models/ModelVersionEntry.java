package io.tumorboard.board.models;

import java.util.List;

/**
 * One model version found in the registry.
 *
 * @param version the folder name
 * @param promoted whether the {@code promoted} pointer names it
 * @param files the files it holds
 * @param missing what a promotable version needs and this one lacks
 * @param modelCard the model card text, null when absent
 */
public record ModelVersionEntry(String version, boolean promoted, List<String> files, List<String> missing,
        String modelCard) {
}
