package io.tumorboard.pipeline.fhir;

import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import java.util.Map;

/**
 * The observation codes of TNM staging, LOINC (mCODE STU1, 8th-edition-era exports) and SNOMED CT (mCODE STU2+).
 * Source: mCODE IG value sets TNMClinical/PathologicalPrimaryTumorCategory etc. and LOINC 21899-0..21908-9.
 */
final class StagingCodes {

    record StagingCode(StageBasis basis, StageDescriptor descriptor) {
    }

    static final Map<String, StagingCode> BY_CODE = Map.ofEntries(
            Map.entry("21905-5", new StagingCode(StageBasis.CLINICAL, StageDescriptor.T)),
            Map.entry("21906-3", new StagingCode(StageBasis.CLINICAL, StageDescriptor.N)),
            Map.entry("21907-1", new StagingCode(StageBasis.CLINICAL, StageDescriptor.M)),
            Map.entry("21908-9", new StagingCode(StageBasis.CLINICAL, StageDescriptor.GROUP)),
            Map.entry("21899-0", new StagingCode(StageBasis.PATHOLOGICAL, StageDescriptor.T)),
            Map.entry("21900-6", new StagingCode(StageBasis.PATHOLOGICAL, StageDescriptor.N)),
            Map.entry("21901-4", new StagingCode(StageBasis.PATHOLOGICAL, StageDescriptor.M)),
            Map.entry("21902-2", new StagingCode(StageBasis.PATHOLOGICAL, StageDescriptor.GROUP)),
            Map.entry("399504009", new StagingCode(StageBasis.CLINICAL, StageDescriptor.T)),
            Map.entry("399534004", new StagingCode(StageBasis.CLINICAL, StageDescriptor.N)),
            Map.entry("399387003", new StagingCode(StageBasis.CLINICAL, StageDescriptor.M)),
            Map.entry("399537006", new StagingCode(StageBasis.CLINICAL, StageDescriptor.GROUP)),
            Map.entry("384625004", new StagingCode(StageBasis.PATHOLOGICAL, StageDescriptor.T)),
            Map.entry("371494008", new StagingCode(StageBasis.PATHOLOGICAL, StageDescriptor.N)),
            Map.entry("371497001", new StagingCode(StageBasis.PATHOLOGICAL, StageDescriptor.M)),
            Map.entry("399588009", new StagingCode(StageBasis.PATHOLOGICAL, StageDescriptor.GROUP)));

    private StagingCodes() {
    }
}
