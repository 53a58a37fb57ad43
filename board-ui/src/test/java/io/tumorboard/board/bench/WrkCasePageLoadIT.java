package io.tumorboard.board.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.demo.DemoCases;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The bench's wrk load against the running workbench: real wrk (Debian's package; .ci/run installs it). */
@BoardIntegrationTest
class WrkCasePageLoadIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private Path wrk;

    @BeforeEach
    void board() {
        TestBoard.prepare(context);
        Optional<Path> installed = WrkLoad.onPath();
        assumeTrue(installed.isPresent(), "wrk is not installed (Debian: apt-get install wrk); .ci/run installs it");
        wrk = installed.get();
    }

    @Test
    void eachUserViewsCasePagesInItsOwnSignedInSessionAndEveryViewAnswers200() throws Exception {
        List<String> keys = DemoCases.all().stream().map(d -> d.patientCase().caseKey()).toList();

        LoadResult r = load(keys).run(3, 0, 1);

        assertThat(r.users()).isEqualTo(3);
        assertThat(r.requests()).isPositive();
        assertThat(r.errors()).isZero();
        assertThat(r.p50Ms()).isPositive();
        assertThat(r.p99Ms()).isGreaterThanOrEqualTo(r.p50Ms());
        assertThat(r.cpuMsPerRequest()).isPositive();
    }

    @Test
    void anAnswerOtherThan200IsCountedAsAnErrorNotAsAView() throws Exception {
        String known = DemoCases.all().get(0).patientCase().caseKey();

        LoadResult r = load(List.of(known, "no-such-case")).run(2, 0, 1);

        assertThat(r.requests()).isPositive();
        assertThat(r.errors()).isPositive();
    }

    private WrkLoad load(List<String> keys) {
        String base = "http://127.0.0.1:" + port;
        return new WrkLoad(wrk, base, new BenchLogin(base, "member", TestBoard.PASSWORD), keys);
    }
}
