package io.tumorboard.federation.coordinator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which registered sites train in a round: a seeded shuffle of the sorted site names, so a given seed,
 * round and attempt always pick the same sites (needed for a resumed run to match an uninterrupted one).
 */
final class SiteSelection {

    private SiteSelection() {
    }

    static List<String> select(List<String> registeredSorted, int count, long seed, int round, int attempt) {
        List<String> pool = new ArrayList<>(registeredSorted);
        Collections.shuffle(pool, new Random(seed * 1_000_003L + round * 7_919L + attempt));
        List<String> chosen = new ArrayList<>(pool.subList(0, Math.min(count, pool.size())));
        Collections.sort(chosen);
        return chosen;
    }
}
