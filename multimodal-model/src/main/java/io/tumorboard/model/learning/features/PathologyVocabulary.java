package io.tumorboard.model.learning.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tumorboard.model.cases.PathologyReport;
import io.tumorboard.model.cases.PatientCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A TF-IDF bag of words over pathology report text, with a vocabulary built from training text only.
 *
 * <p>Tokens are lower-cased runs of letters and digits of at least two characters, so {@code pT2a} and
 * {@code PT2A} meet as {@code pt2a}; OCR-split words stay split, which is why a word must occur in at least
 * {@link #MIN_DOCUMENTS} training reports to enter the vocabulary. TF is sublinear (1 + log tf), IDF is
 * smoothed (log((1 + n) / (1 + df)) + 1), and each vector has unit L2 norm, so report length does not count.
 *
 * @param terms the vocabulary, in input order
 * @param idf inverse document frequency of each term
 */
public record PathologyVocabulary(List<String> terms, List<Double> idf) {

    static final int MIN_DOCUMENTS = 2;

    @JsonCreator
    public PathologyVocabulary(@JsonProperty("terms") List<String> terms, @JsonProperty("idf") List<Double> idf) {
        this.terms = List.copyOf(terms);
        this.idf = List.copyOf(idf);
    }

    static PathologyVocabulary fit(List<PatientCase> cases, int maxTerms) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        int documents = 0;
        for (PatientCase c : cases) {
            String text = text(c);
            if (!text.isBlank()) {
                documents++;
                new LinkedHashSet<>(tokens(text)).forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            }
        }
        int n = documents;
        List<String> terms = documentFrequency.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_DOCUMENTS)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxTerms).map(Map.Entry::getKey).sorted().toList();
        List<Double> idf = terms.stream()
                .map(t -> Math.log((1.0 + n) / (1.0 + documentFrequency.get(t))) + 1.0).toList();
        return new PathologyVocabulary(terms, idf);
    }

    int width() {
        return terms.size();
    }

    /** The TF-IDF vector, or empty when the case has no report text or none of its words is known. */
    Optional<float[]> encode(PatientCase c, List<String> warnings) {
        String text = text(c);
        if (text.isBlank()) {
            if (!c.pathology().isEmpty()) {
                warnings.add("pathology report present but its text is empty: pathology treated as absent");
            }
            return Optional.empty();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            index.put(terms.get(i), i);
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (String token : tokens(text)) {
            Integer i = index.get(token);
            if (i != null) {
                counts.merge(i, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            warnings.add("no word of the pathology text is in the training vocabulary: pathology treated as absent");
            return Optional.empty();
        }
        float[] vector = new float[terms.size()];
        double norm = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            double weight = (1 + Math.log(e.getValue())) * idf.get(e.getKey());
            vector[e.getKey()] = (float) weight;
            norm += weight * weight;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= inverse;
        }
        return Optional.of(vector);
    }

    /** All pathology report text of a case, oldest first. */
    static String text(PatientCase c) {
        return c.pathology().stream().map(PathologyReport::text).filter(t -> !t.isBlank())
                .collect(Collectors.joining("\n"));
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+")) {
            if (token.length() >= 2) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    Set<String> vocabulary() {
        return Set.copyOf(terms);
    }
}
