package io.tumorboard.board.casefile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the case page computed once and keeps, under everything it was computed from: at most {@code capacity}
 * entries, least recently read dropped first. Computed outside the lock: two views that miss together both
 * compute (and get the same answer) rather than queue behind one another.
 */
final class KeptByKey<K, V> {

    private final Map<K, V> kept;

    KeptByKey(int capacity) {
        kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The value kept under the key, or the one {@code compute} makes, then kept. */
    V get(K key, Supplier<V> compute) {
        V value = kept.get(key);
        if (value == null) {
            value = compute.get();
            kept.put(key, value);
        }
        return value;
    }
}
