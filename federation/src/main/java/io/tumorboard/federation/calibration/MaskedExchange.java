package io.tumorboard.federation.calibration;

import java.util.Arrays;
import java.util.List;

/**
 * One secure-aggregation exchange as the coordinator names it: the run, round and a fresh id (all three enter every
 * pair's masks) and the participants whose masked counts it will add up, sorted by site id, with the masking
 * public key each registered with. At least two: the sum of one site's counts is that site's counts.
 */
public record MaskedExchange(String runId, int round, String id, List<Participant> participants) {

    /**
     * A participant: its site id (the CN of its certificate) and its X25519 masking public key (X.509 DER).
     */
    public record Participant(String site, byte[] publicKey) {

        public Participant {
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Participant p && p.site.equals(site) && Arrays.equals(p.publicKey, publicKey);
        }

        @Override
        public int hashCode() {
            return site.hashCode() * 31 + Arrays.hashCode(publicKey);
        }

        @Override
        public String toString() {
            return site;
        }
    }

    public MaskedExchange {
        participants = List.copyOf(participants);
        if (participants.size() < 2) {
            throw new IllegalArgumentException("a masked exchange needs at least 2 participants, not "
                    + participants.size());
        }
        for (int i = 1; i < participants.size(); i++) {
            // Sorted and unique: both ends of every pair must agree on which of them is the lower id.
            if (participants.get(i - 1).site().compareTo(participants.get(i).site()) >= 0) {
                throw new IllegalArgumentException("a masked exchange's participants are sorted by site id, each once");
            }
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a masked exchange needs an id");
        }
    }

    public boolean includes(String site) {
        return participants.stream().anyMatch(p -> p.site().equals(site));
    }

    /** The participants' site ids, sorted. */
    public List<String> sites() {
        return participants.stream().map(Participant::site).toList();
    }
}
