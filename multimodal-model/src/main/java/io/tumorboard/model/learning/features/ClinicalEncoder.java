package io.tumorboard.model.learning.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.SmokingStatus;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Clinical features: numbers with a missing-value indicator beside each (a missing ECOG says something about
 * the patient's work-up, so it is an input, not a hole to fill), categories one-hot, and the documented stage.
 *
 * <p>Numbers are robustly scaled on the training cases; a missing number is 0 (the median) with its indicator
 * set. A category seen fewer than {@link #MIN_CATEGORY_CASES} times in training falls into {@code other}; an
 * unknown one at prediction time does too, with a warning.
 *
 * @param ageScale robust scale of age at diagnosis (years)
 * @param packYearsScale robust scale of log(1 + pack-years)
 * @param histologies histology categories with their own column, in input order
 */
public record ClinicalEncoder(RobustScale ageScale, RobustScale packYearsScale, List<String> histologies) {

    static final int MIN_CATEGORY_CASES = 3;
    /** Ages outside this range (years) are recording errors, not patients. */
    static final int MAX_AGE_YEARS = 120;
    static final double MAX_PACK_YEARS = 300;

    @JsonCreator
    public ClinicalEncoder(@JsonProperty("ageScale") RobustScale ageScale,
                           @JsonProperty("packYearsScale") RobustScale packYearsScale,
                           @JsonProperty("histologies") List<String> histologies) {
        this.ageScale = ageScale;
        this.packYearsScale = packYearsScale;
        this.histologies = List.copyOf(histologies);
    }

    static ClinicalEncoder fit(List<PatientCase> cases) {
        List<Double> ages = new ArrayList<>();
        List<Double> packYears = new ArrayList<>();
        Map<String, Integer> histologyCounts = new LinkedHashMap<>();
        for (PatientCase c : cases) {
            age(c).ifPresent(ages::add);
            packYears(c).ifPresent(py -> packYears.add(Math.log1p(py)));
            histology(c).ifPresent(h -> histologyCounts.merge(h, 1, Integer::sum));
        }
        List<String> histologies = histologyCounts.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_CATEGORY_CASES).map(Map.Entry::getKey).sorted().toList();
        return new ClinicalEncoder(RobustScale.of(ages.stream().mapToDouble(Double::doubleValue).toArray()),
                RobustScale.of(packYears.stream().mapToDouble(Double::doubleValue).toArray()), histologies);
    }

    List<String> featureNames() {
        List<String> names = new ArrayList<>(List.of("age", "age_missing", "sex_male", "sex_female", "sex_missing",
                "ecog", "ecog_missing", "smoking_current", "smoking_former", "smoking_never", "smoking_missing",
                "pack_years_log", "pack_years_missing", "t_ordinal", "t_missing", "n_ordinal", "n_missing",
                "m_ordinal", "m_missing", "stage_group", "stage_group_missing"));
        histologies.forEach(h -> names.add("histology_" + h));
        names.add("histology_other");
        names.add("histology_missing");
        return names;
    }

    int width() {
        return featureNames().size();
    }

    /** The clinical features, or empty when the case says the clinical modality did not arrive. */
    Optional<float[]> encode(PatientCase c, List<String> warnings) {
        if (!c.modalities().clinical()) {
            return Optional.empty();
        }
        float[] x = new float[width()];
        int i = 0;
        Optional<Double> age = age(c);
        if (c.demographics() != null && c.demographics().ageAtDiagnosisYears() != null && age.isEmpty()) {
            warnings.add("age " + c.demographics().ageAtDiagnosisYears() + " years is not plausible: treated as missing");
        }
        i = numeric(x, i, age.map(ageScale::scale));
        String sex = c.demographics() == null || c.demographics().sex() == null ? ""
                : c.demographics().sex().toLowerCase(Locale.ROOT);
        x[i++] = sex.equals("male") ? 1 : 0;
        x[i++] = sex.equals("female") ? 1 : 0;
        x[i++] = sex.equals("male") || sex.equals("female") ? 0 : 1;
        Integer ecog = c.clinical().ecog();
        if (ecog != null && (ecog < 0 || ecog > 5)) {
            warnings.add("ECOG " + ecog + " is outside 0-5: treated as missing");
            ecog = null;
        }
        i = numeric(x, i, Optional.ofNullable(ecog).map(e -> e / 5.0));
        SmokingStatus smoking = c.clinical().smoking();
        x[i++] = smoking == SmokingStatus.CURRENT ? 1 : 0;
        x[i++] = smoking == SmokingStatus.FORMER ? 1 : 0;
        x[i++] = smoking == SmokingStatus.NEVER ? 1 : 0;
        x[i++] = smoking == SmokingStatus.UNKNOWN ? 1 : 0;
        Double rawPackYears = c.clinical().packYears();
        if (rawPackYears != null && packYears(c).isEmpty()) {
            warnings.add("pack-years " + rawPackYears + " is not plausible: treated as missing");
        }
        i = numeric(x, i, packYears(c).map(py -> packYearsScale.scale(Math.log1p(py))));
        for (StageDescriptor d : new StageDescriptor[] {StageDescriptor.T, StageDescriptor.N, StageDescriptor.M}) {
            OptionalInt ordinal = DocumentedStage.observation(c, d).map(o -> DocumentedStage.ordinal(o.value()))
                    .orElse(OptionalInt.empty());
            i = numeric(x, i, ordinal.isPresent() ? Optional.of(ordinal.getAsInt() / 4.0) : Optional.empty());
        }
        Optional<StageObservation> group = DocumentedStage.observation(c, StageDescriptor.GROUP);
        OptionalInt groupOrdinal = group.map(o -> DocumentedStage.groupOrdinal(o.value())).orElse(OptionalInt.empty());
        i = numeric(x, i, groupOrdinal.isPresent() ? Optional.of(groupOrdinal.getAsInt() / 4.0) : Optional.empty());
        Optional<String> histology = histology(c);
        int column = histology.map(histologies::indexOf).orElse(-1);
        if (histology.isPresent() && column < 0) {
            x[i + histologies.size()] = 1;
            warnings.add("histology '" + histology.get() + "' was not seen in training: encoded as 'other'");
        } else if (column >= 0) {
            x[i + column] = 1;
        } else {
            x[i + histologies.size() + 1] = 1;
        }
        return Optional.of(x);
    }

    private static int numeric(float[] x, int i, Optional<Double> value) {
        if (value.isPresent() && Double.isFinite(value.get())) {
            x[i] = (float) Math.max(-10, Math.min(10, value.get()));
        } else {
            x[i + 1] = 1;
        }
        return i + 2;
    }

    static Optional<Double> age(PatientCase c) {
        if (c.demographics() == null || c.demographics().ageAtDiagnosisYears() == null) {
            return Optional.empty();
        }
        int age = c.demographics().ageAtDiagnosisYears();
        return age < 0 || age > MAX_AGE_YEARS ? Optional.empty() : Optional.of((double) age);
    }

    static Optional<Double> packYears(PatientCase c) {
        Double py = c.clinical().packYears();
        return py == null || !Double.isFinite(py) || py < 0 || py > MAX_PACK_YEARS ? Optional.empty() : Optional.of(py);
    }

    static Optional<String> histology(PatientCase c) {
        if (c.primaryCancer() == null || c.primaryCancer().histology() == null
                || c.primaryCancer().histology().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(c.primaryCancer().histology().trim().toLowerCase(Locale.ROOT));
    }
}
