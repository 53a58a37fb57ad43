package io.tumorboard.model.cases;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies that keep the order of a map, since radiomics feature order is meaningful to a reader. */
final class CaseCollections {

    private CaseCollections() {
    }

    static <K, V> Map<K, V> orderedCopy(Map<K, V> source) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
