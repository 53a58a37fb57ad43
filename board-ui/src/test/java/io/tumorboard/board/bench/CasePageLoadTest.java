package io.tumorboard.board.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CasePageLoadTest {

    @Test
    void percentilesAreNearestRankOverTheSortedLatencies() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        assertThat(CasePageLoad.percentileMs(nanos, 0.50)).isEqualTo(50.0);
        assertThat(CasePageLoad.percentileMs(nanos, 0.99)).isEqualTo(99.0);
        assertThat(CasePageLoad.percentileMs(new long[0], 0.5)).isNaN();
    }

    @Test
    void requestsPerSecondIsRequestsOverTheMeasuredWindow() {
        assertThat(new LoadResult(10, 3000, 0, 15.0, 4.0, 20.0, 2.0, 1.0).requestsPerSecond()).isEqualTo(200.0);
    }
}
