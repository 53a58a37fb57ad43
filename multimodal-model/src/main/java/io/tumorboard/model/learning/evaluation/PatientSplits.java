package io.tumorboard.model.learning.evaluation;

import io.tumorboard.model.cases.PatientCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Folds by patient, stratified by event: every version of one patient's case lands in the same fold (a
 * patient seen in training must never be scored), and deaths are spread evenly so each fold's c-index has
 * events to rank. Fixed seed, so every model in a comparison sees the same folds.
 */
public final class PatientSplits {

    private PatientSplits() {
    }

    /** The fold (0..k−1) of every case, in input order. */
    public static int[] folds(List<PatientCase> cases, int k, long seed) {
        Map<String, List<Integer>> byPatient = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            byPatient.computeIfAbsent(cases.get(i).caseKey(), key -> new ArrayList<>()).add(i);
        }
        List<String> deaths = new ArrayList<>();
        List<String> others = new ArrayList<>();
        byPatient.forEach((key, rows) -> {
            boolean died = rows.stream().anyMatch(r -> cases.get(r).outcome() != null && cases.get(r).outcome().death());
            (died ? deaths : others).add(key);
        });
        Random random = new Random(seed);
        Collections.shuffle(deaths, random);
        Collections.shuffle(others, random);
        int[] fold = new int[cases.size()];
        int next = 0;
        for (List<String> stratum : List.of(deaths, others)) {
            for (String key : stratum) {
                for (int row : byPatient.get(key)) {
                    fold[row] = next % k;
                }
                next++;
            }
        }
        return fold;
    }

    /** The cases of the given folds. */
    public static List<PatientCase> select(List<PatientCase> cases, int[] folds, java.util.function.IntPredicate keep) {
        List<PatientCase> selected = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (keep.test(folds[i])) {
                selected.add(cases.get(i));
            }
        }
        return selected;
    }
}
