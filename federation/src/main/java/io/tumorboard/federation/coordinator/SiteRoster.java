package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.calibration.MaskingKey;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sites of a run: those admitted, those registered (with the update encoding negotiated and, for the masked
 * calibration exchanges, their masking key), when each was last seen, and which were told the run is done. Used
 * under the run's lock, except the last-seen times, which heartbeats write without it.
 */
final class SiteRoster {

    private final Set<String> admitted;
    private final RefusalAudit refusals;
    private final SortedMap<String, UpdateEncoding> registered = new TreeMap<>();
    private final SortedMap<String, byte[]> maskingKeys = new TreeMap<>();
    private final Set<String> told = new HashSet<>();
    private final Map<String, Long> lastSeenMs = new ConcurrentHashMap<>();

    SiteRoster(Set<String> admitted, RefusalAudit refusals) {
        this.admitted = Set.copyOf(admitted);
        this.refusals = refusals;
    }

    /**
     * Registers {@code site} with the encoding chosen for it and its masking key (null: it sends no calibration
     * counts; a site that registers again replaces its key). True when the site was not registered before.
     */
    boolean register(String site, UpdateEncoding chosen, byte[] maskingKey) throws RefusedResult {
        if (!admitted.contains(site)) {
            throw refusals.refuse(RefusedResult.Kind.NOT_ADMITTED, AuditEvent.UNREGISTERED_SITE, site, 0,
                    "site is not admitted to this federation");
        }
        if (maskingKey != null) {
            try {
                MaskingKey.requireValid(maskingKey);
            } catch (IllegalArgumentException e) {
                throw refusals.refuse(RefusedResult.Kind.INVALID, AuditEvent.MALFORMED_UPDATE, site, 0, e.getMessage());
            }
            maskingKeys.put(site, maskingKey.clone());
        }
        return registered.put(site, chosen) == null;
    }

    void requireRegistered(String site) throws RefusedResult {
        if (!registered.containsKey(site)) {
            if (!admitted.contains(site)) {
                throw refusals.refuse(RefusedResult.Kind.NOT_ADMITTED, AuditEvent.UNREGISTERED_SITE, site, 0,
                        "site is not admitted to this federation");
            }
            throw new RefusedResult(RefusedResult.Kind.NOT_REGISTERED, null, "site must register first");
        }
    }

    /** The update encoding negotiated with a registered site. */
    UpdateEncoding encoding(String site) {
        return registered.get(site);
    }

    /** The registered sites, sorted (a view). */
    Set<String> registered() {
        return Collections.unmodifiableSet(registered.keySet());
    }

    int registeredCount() {
        return registered.size();
    }

    int admittedCount() {
        return admitted.size();
    }

    boolean everyoneRegistered() {
        return registered.size() == admitted.size();
    }

    /** The masking keys of the sites that registered one, by site. */
    SortedMap<String, byte[]> maskingKeys() {
        return maskingKeys;
    }

    void seen(String site, long nowMs) {
        lastSeenMs.put(site, nowMs);
    }

    /** Sites seen within {@code window} before {@code nowMs}, sorted. */
    List<String> liveSites(Duration window, long nowMs) {
        return lastSeenMs.entrySet().stream().filter(e -> nowMs - e.getValue() <= window.toMillis())
                .map(Map.Entry::getKey).sorted().toList();
    }

    void toldDone(String site) {
        told.add(site);
    }

    boolean everyoneToldDone() {
        return told.containsAll(registered.keySet());
    }
}
