package io.tumorboard.federation.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovedRunsTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheExactApprovedConfigurationIsApprovedAndAMissingFileApprovesNothing() throws Exception {
        RunConfiguration cfg = RunConfiguration.of("study-7", 20, 3, 2);
        ApprovedRuns approvals = new ApprovedRuns(dir.resolve("approved-runs.txt"));
        assertThat(approvals.approves(cfg)).isFalse();
        approvals.approve(cfg);
        assertThat(approvals.approves(cfg)).isTrue();
        assertThat(approvals.approves(cfg.withStrategy(Strategy.FED_ADAM, 0))).isFalse();
        assertThat(Files.readString(dir.resolve("approved-runs.txt"))).contains("# run study-7", cfg.digest());
    }
}
