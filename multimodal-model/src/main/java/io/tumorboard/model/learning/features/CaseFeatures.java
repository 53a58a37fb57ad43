package io.tumorboard.model.learning.features;

import io.tumorboard.model.cases.Modality;
import java.util.List;

/**
 * One case as the network sees it: one vector per modality (zeros when absent), which modalities are present,
 * and every warning raised while encoding, so that nothing about a doubtful input is lost.
 */
public record CaseFeatures(float[] imaging, float[] pathology, float[] clinical, boolean[] present,
                           List<String> warnings) {

    public CaseFeatures {
        warnings = List.copyOf(warnings);
    }

    public boolean has(Modality modality) {
        return present[modality.ordinal()];
    }

    public boolean anyPresent() {
        return present[0] || present[1] || present[2];
    }

    /** The same case with one modality removed, as at a site where it never arrived. */
    public CaseFeatures without(Modality modality) {
        boolean[] mask = present.clone();
        mask[modality.ordinal()] = false;
        return new CaseFeatures(modality == Modality.IMAGING ? new float[imaging.length] : imaging,
                modality == Modality.PATHOLOGY ? new float[pathology.length] : pathology,
                modality == Modality.CLINICAL ? new float[clinical.length] : clinical, mask, warnings);
    }

    public float[] input(Modality modality) {
        return switch (modality) {
            case IMAGING -> imaging;
            case PATHOLOGY -> pathology;
            case CLINICAL -> clinical;
        };
    }
}
