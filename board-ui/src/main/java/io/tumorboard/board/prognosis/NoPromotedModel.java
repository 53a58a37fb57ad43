package io.tumorboard.board.prognosis;

import io.tumorboard.model.cases.PatientCase;

/** The answer while no model is promoted at this site: it says so for every case, with no number. */
public final class NoPromotedModel implements PrognosisSource {

    static final String EXPLANATION = "No model promoted yet: no federated prognosis model version is promoted "
            + "in this site's model registry, so no survival estimate is shown.";

    @Override
    public Prognosis forCase(PatientCase patientCase) {
        return new Prognosis.NoModelPromoted(EXPLANATION);
    }
}
