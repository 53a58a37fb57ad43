package io.tumorboard.board.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** wrk's result line (printed by the bench's Lua script) read into a level's figures; no wrk is started. */
class WrkLoadTest {

    private static final String OUTPUT = """
            Running 10s test @ http://127.0.0.1:8080
              50 threads and 50 connections
            wrk-result requests=12010 failed=10 socket_errors=2 duration_us=10004000 p50_us=38500 p99_us=91250
            """;

    @Test
    void onlyAnswersOf200CountAsRequestsAndEveryOtherOutcomeIsAnError() {
        LoadResult r = WrkLoad.result(OUTPUT, 50, 24_000_000_000L, 3.5);

        assertThat(r.users()).isEqualTo(50);
        assertThat(r.requests()).isEqualTo(12_000);
        assertThat(r.errors()).isEqualTo(12);
        assertThat(r.seconds()).isEqualTo(10.004);
        assertThat(r.p50Ms()).isEqualTo(38.5);
        assertThat(r.p99Ms()).isEqualTo(91.25);
        assertThat(r.cpuMsPerRequest()).isEqualTo(2.0);
        assertThat(r.loadAverage()).isEqualTo(3.5);
    }

    @Test
    void outputWithoutTheResultLineIsAnErrorThatShowsWhatWrkSaid() {
        assertThatThrownBy(() -> WrkLoad.result("unable to connect to 127.0.0.1:1 Connection refused", 1, 0, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Connection refused");
    }
}
