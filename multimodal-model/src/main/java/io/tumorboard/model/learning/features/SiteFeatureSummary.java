package io.tumorboard.model.learning.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tumorboard.model.cases.ImagingStudy;
import io.tumorboard.model.cases.PatientCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one hospital may tell a federation about its cases so that a shared {@link FeaturePipeline} can be fitted
 * without pooling them: counts, and medians/IQRs of columns with enough values. Nothing here is a patient-level
 * value: every count below {@link #MIN_CELL} is suppressed (not sent), the usual small-cell rule of statistical
 * disclosure control (e.g. the UK ONS and NHS Digital suppress counts below 5 / 10 in published tables), and a
 * median/IQR is only sent for a column with at least {@link #MIN_CELL} values.
 *
 * <p>The coordinator combines the summaries with {@link FeaturePipeline#fromSummaries}: vocabulary and categories
 * from summed counts, pooled scales as count-weighted means of site medians and IQRs (an approximation of the
 * pooled median that needs no value to leave a site), and each site's harmonization entry from its own scale,
 * shrunk towards the pooled one exactly as {@link SiteHarmonization} does for pooled training.
 *
 * @param site the hospital (the case's {@code site} field)
 * @param cases cases summarised
 * @param imagingStudies cases with a baseline study with radiomics
 * @param radiomicsPresence studies in which each radiomics feature is present (suppressed below {@link #MIN_CELL})
 * @param radiomics each radiomics feature's raw-value scale at this site (only with ≥ {@link #MIN_CELL} values)
 * @param radiomicsByStage per documented stage group stratum (I–IV, unknown), each feature's raw-value scale
 *        among those cases (only cells with ≥ {@link #MIN_CELL} values): what the stage-protected harmonization
 *        is fitted from; empty in a summary from an older release
 * @param pathologyDocuments cases with pathology report text
 * @param termDocuments reports each token occurs in (suppressed below {@link #MIN_CELL})
 * @param age scale of age at diagnosis (years), or null with fewer than {@link #MIN_CELL} values
 * @param packYearsLog scale of log(1 + pack-years), or null with fewer than {@link #MIN_CELL} values
 * @param histologies cases per histology (suppressed below {@link #MIN_CELL})
 * @param events deaths among the cases (null below {@link #MIN_CELL}); for the model card only
 * @param followUpDays scale of follow-up (days), or null with fewer than {@link #MIN_CELL} values; model card only
 */
public record SiteFeatureSummary(String site, int cases, int imagingStudies, Map<String, Integer> radiomicsPresence,
                                 Map<String, CountedScale> radiomics,
                                 Map<String, Map<String, CountedScale>> radiomicsByStage, int pathologyDocuments,
                                 Map<String, Integer> termDocuments, CountedScale age, CountedScale packYearsLog,
                                 Map<String, Integer> histologies, Integer events, CountedScale followUpDays) {

    /** Smallest count a site reports; smaller cells are suppressed. */
    public static final int MIN_CELL = 5;

    @JsonCreator
    public SiteFeatureSummary(@JsonProperty("site") String site, @JsonProperty("cases") int cases,
                              @JsonProperty("imagingStudies") int imagingStudies,
                              @JsonProperty("radiomicsPresence") Map<String, Integer> radiomicsPresence,
                              @JsonProperty("radiomics") Map<String, CountedScale> radiomics,
                              @JsonProperty("radiomicsByStage") Map<String, Map<String, CountedScale>> radiomicsByStage,
                              @JsonProperty("pathologyDocuments") int pathologyDocuments,
                              @JsonProperty("termDocuments") Map<String, Integer> termDocuments,
                              @JsonProperty("age") CountedScale age,
                              @JsonProperty("packYearsLog") CountedScale packYearsLog,
                              @JsonProperty("histologies") Map<String, Integer> histologies,
                              @JsonProperty("events") Integer events,
                              @JsonProperty("followUpDays") CountedScale followUpDays) {
        this.site = site;
        this.cases = cases;
        this.imagingStudies = imagingStudies;
        this.radiomicsPresence = new TreeMap<>(radiomicsPresence);
        this.radiomics = new TreeMap<>(radiomics);
        this.radiomicsByStage = radiomicsByStage == null ? Map.of() : new TreeMap<>(radiomicsByStage);
        this.pathologyDocuments = pathologyDocuments;
        this.termDocuments = new TreeMap<>(termDocuments);
        this.age = age;
        this.packYearsLog = packYearsLog;
        this.histologies = new TreeMap<>(histologies);
        this.events = events;
        this.followUpDays = followUpDays;
    }

    /**
     * A robust scale with the number of values it was computed from.
     *
     * @param count finite values
     * @param median their median
     * @param iqr their inter-quartile range
     */
    public record CountedScale(int count, double median, double iqr) {

        @JsonCreator
        public CountedScale(@JsonProperty("count") int count, @JsonProperty("median") double median,
                            @JsonProperty("iqr") double iqr) {
            this.count = count;
            this.median = median;
            this.iqr = iqr;
        }

        static CountedScale of(List<Double> values) {
            double[] finite = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
            if (finite.length < MIN_CELL) {
                return null;
            }
            RobustScale s = RobustScale.of(finite);
            return new CountedScale(finite.length, s.median(), s.iqr());
        }

        RobustScale scale() {
            return new RobustScale(median, iqr);
        }
    }

    /** Summarises one site's training cases; all cases must come from {@code site}. */
    public static SiteFeatureSummary of(String site, List<PatientCase> trainingCases) {
        Map<String, Integer> presence = new HashMap<>();
        Map<String, List<Double>> radiomicsValues = new HashMap<>();
        Map<String, Map<String, List<Double>>> byStage = new TreeMap<>();
        Map<String, Integer> terms = new HashMap<>();
        Map<String, Integer> histologies = new HashMap<>();
        List<Double> ages = new ArrayList<>();
        List<Double> packYears = new ArrayList<>();
        List<Double> followUp = new ArrayList<>();
        int deaths = 0;
        int studies = 0;
        int documents = 0;
        for (PatientCase c : trainingCases) {
            if (!site.equals(c.site())) {
                throw new IllegalArgumentException("a case of site '" + c.site() + "' in the summary of '" + site + "'");
            }
            Optional<ImagingStudy> study = RadiomicsEncoder.baseline(c);
            if (study.isPresent()) {
                studies++;
                Map<String, List<Double>> stratum = byStage.computeIfAbsent(StageProtectedFit.stratum(c),
                        s -> new HashMap<>());
                study.get().radiomics().forEach((name, value) -> {
                    presence.merge(name, 1, Integer::sum);
                    radiomicsValues.computeIfAbsent(name, n -> new ArrayList<>()).add(value == null ? Double.NaN : value);
                    stratum.computeIfAbsent(name, n -> new ArrayList<>()).add(value == null ? Double.NaN : value);
                });
            }
            String text = PathologyVocabulary.text(c);
            if (!text.isBlank()) {
                documents++;
                new LinkedHashSet<>(PathologyVocabulary.tokens(text)).forEach(t -> terms.merge(t, 1, Integer::sum));
            }
            ClinicalEncoder.age(c).ifPresent(ages::add);
            ClinicalEncoder.packYears(c).ifPresent(py -> packYears.add(Math.log1p(py)));
            ClinicalEncoder.histology(c).ifPresent(h -> histologies.merge(h, 1, Integer::sum));
            if (c.outcome() != null) {
                followUp.add((double) c.outcome().followUpDays());
                deaths += c.outcome().death() ? 1 : 0;
            }
        }
        Map<String, CountedScale> scales = new TreeMap<>();
        radiomicsValues.forEach((name, values) -> {
            CountedScale s = CountedScale.of(values);
            if (s != null) {
                scales.put(name, s);
            }
        });
        Map<String, Map<String, CountedScale>> stageCells = new TreeMap<>();
        byStage.forEach((stratum, values) -> {
            Map<String, CountedScale> cells = new TreeMap<>();
            values.forEach((name, v) -> {
                CountedScale s = CountedScale.of(v);
                if (s != null) {
                    cells.put(name, s);
                }
            });
            if (!cells.isEmpty()) {
                stageCells.put(stratum, cells);
            }
        });
        return new SiteFeatureSummary(site, trainingCases.size(), studies, suppressed(presence), scales, stageCells,
                documents,
                suppressed(terms), CountedScale.of(ages), CountedScale.of(packYears), suppressed(histologies),
                deaths >= MIN_CELL ? deaths : null, CountedScale.of(followUp));
    }

    private static Map<String, Integer> suppressed(Map<String, Integer> counts) {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, n) -> {
            if (n >= MIN_CELL) {
                out.put(k, n);
            }
        });
        return out;
    }
}
