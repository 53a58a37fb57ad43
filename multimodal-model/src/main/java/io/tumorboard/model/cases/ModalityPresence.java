package io.tumorboard.model.cases;

/**
 * Which modalities arrived for a case: absence is stated, never inferred from an empty list.
 *
 * @param imaging at least one imaging study with radiomics features
 * @param pathology at least one pathology report with text
 * @param clinical the primary cancer condition and some clinical facts
 */
public record ModalityPresence(boolean imaging, boolean pathology, boolean clinical) {

    public boolean has(Modality modality) {
        return switch (modality) {
            case IMAGING -> imaging;
            case PATHOLOGY -> pathology;
            case CLINICAL -> clinical;
        };
    }

    public boolean none() {
        return !imaging && !pathology && !clinical;
    }
}
