package io.tumorboard.board.prognosis;

import io.tumorboard.model.cases.PatientCase;

/** The port the model panel and the agenda ordering read a case's prognosis through. */
public interface PrognosisSource {

    Prognosis forCase(PatientCase patientCase);
}
