package io.tumorboard.federation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PairwiseMaskingTest {

    private static final int WORDS = RiskBins.COUNT;

    private final Map<String, MaskingKey> keys = new TreeMap<>(Map.of(
            "hospital-a", MaskingKey.generate(), "hospital-b", MaskingKey.generate(), "hospital-c", MaskingKey.generate()));
    private final Map<String, long[]> counts = new TreeMap<>();

    PairwiseMaskingTest() {
        Random random = new Random(3);
        for (String site : keys.keySet()) {
            long[] c = new long[WORDS];
            for (int i = 0; i < 40; i++) {
                c[random.nextInt(WORDS)]++; // a few dozen held-out cases: most bins 0, some 1 or 2
            }
            counts.put(site, c);
        }
    }

    private MaskedExchange exchange(String id, List<String> sites) {
        List<MaskedExchange.Participant> participants = new ArrayList<>();
        sites.stream().sorted().forEach(s -> participants.add(new MaskedExchange.Participant(s, keys.get(s).publicKey())));
        return new MaskedExchange("run-1", 7, id, participants);
    }

    private MaskedCounts masked(String site, MaskedExchange exchange) {
        return keys.get(site).mask(exchange, site, 40, counts.get(site));
    }

    @Test
    void theMasksOfThreeSitesCancelExactlySoTheSumOfMaskedCountsIsTheSumOfCounts() {
        MaskedExchange exchange = exchange("e1", List.copyOf(keys.keySet()));
        List<MaskedCounts> sent = keys.keySet().stream().map(s -> masked(s, exchange)).toList();

        long[] sum = MaskedCounts.sum(sent, WORDS);

        long[] expected = new long[WORDS];
        counts.values().forEach(c -> {
            for (int i = 0; i < WORDS; i++) {
                expected[i] += c[i];
            }
        });
        assertThat(sum).containsExactly(expected);
    }

    @Test
    void oneSitesMaskedCountsLookUniformAndShowNoneOfItsCounts() {
        MaskedCounts sent = masked("hospital-b", exchange("e1", List.copyOf(keys.keySet())));

        long[] plain = counts.get("hospital-b");
        long[] words = sent.values();
        int equal = 0;
        long setBits = 0;
        for (int i = 0; i < WORDS; i++) {
            equal += words[i] == plain[i] ? 1 : 0;
            setBits += Long.bitCount(words[i]);
        }
        assertThat(equal).as("words equal to the count they hide").isZero();
        // 64,000 bits: a uniform word sets each with probability 1/2 (sd 0.002 of the fraction); counts set ~none.
        assertThat(setBits / (64.0 * WORDS)).isBetween(0.49, 0.51);
        assertThat(sent.cases()).as("the case total is the one clear number").isEqualTo(40);
    }

    @Test
    void aNewExchangeIdGivesNewMasksThatCancelOnlyAmongThemselves() {
        MaskedExchange first = exchange("e1", List.copyOf(keys.keySet()));
        MaskedExchange second = exchange("e2", List.copyOf(keys.keySet()));

        long[] inFirst = masked("hospital-a", first).values();
        long[] inSecond = masked("hospital-a", second).values();

        int same = 0;
        for (int i = 0; i < WORDS; i++) {
            same += inFirst[i] == inSecond[i] ? 1 : 0;
        }
        assertThat(same).isZero();
        // Mixing exchanges leaves masks in the sum: a site's answer to an old exchange is of no use in a new one.
        long[] mixed = MaskedCounts.sum(List.of(masked("hospital-a", first), masked("hospital-b", second),
                masked("hospital-c", second)), WORDS);
        assertThat(CountVector.cases(mixed, null)).isNotEqualTo(120);
    }

    @Test
    void withoutOneParticipantsAnswerTheOthersMasksDoNotCancel() {
        MaskedExchange all = exchange("e1", List.copyOf(keys.keySet()));

        long[] twoOfThree = MaskedCounts.sum(List.of(masked("hospital-a", all), masked("hospital-b", all)), WORDS);

        // This is why the coordinator names the remaining sites in a new exchange when one does not answer.
        assertThatThrownBy(() -> CountVector.histogram(twoOfThree)).isInstanceOf(IllegalArgumentException.class);
        MaskedExchange remaining = exchange("e2", List.of("hospital-a", "hospital-b"));
        long[] again = MaskedCounts.sum(List.of(masked("hospital-a", remaining), masked("hospital-b", remaining)), WORDS);
        assertThat(CountVector.cases(again, null)).isEqualTo(80);
    }

    @Test
    void aSiteRefusesToMaskForAnExchangeThatNamesItWithAnotherKey() {
        MaskedExchange exchange = exchange("e1", List.copyOf(keys.keySet()));
        MaskingKey restarted = MaskingKey.generate();

        assertThatThrownBy(() -> restarted.mask(exchange, "hospital-a", 40, counts.get("hospital-a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("masking key");
    }

    @Test
    void anExchangeHasAtLeastTwoParticipantsSortedEachOnce() {
        assertThatThrownBy(() -> exchange("e1", List.of("hospital-a"))).hasMessageContaining("at least 2");
        byte[] key = keys.get("hospital-a").publicKey();
        assertThatThrownBy(() -> new MaskedExchange("run-1", 7, "e1", List.of(new MaskedExchange.Participant("b", key),
                new MaskedExchange.Participant("a", key)))).hasMessageContaining("sorted");
    }

    @Test
    void aMaskingKeyThatIsNotAnX25519PublicKeyIsRefused() {
        assertThatThrownBy(() -> MaskingKey.requireValid(new byte[32])).isInstanceOf(IllegalArgumentException.class);
        MaskingKey.requireValid(keys.get("hospital-a").publicKey());
    }
}
