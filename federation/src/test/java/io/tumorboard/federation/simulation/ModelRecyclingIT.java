package io.tumorboard.federation.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.coordinator.TrainingRun;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.transport.CoordinatorClient;
import io.tumorboard.federation.transport.CoordinatorServer;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model the site gives back is where the next pull decodes its model; one not given back is never touched. */
class ModelRecyclingIT {

    private static final int VALUES = 3 * (1 << 18) + 5; // spans several 1 MiB chunks, the last one short

    @TempDir
    Path dir;

    @Test
    void theNextPullDecodesIntoTheGivenBackModelAndAModelKeptByTheSiteIsLeftAlone() throws Exception {
        float[] initial = new float[VALUES];
        for (int i = 0; i < VALUES; i++) {
            initial[i] = i * 0.5f - 7;
        }
        RunConfiguration cfg = RunConfiguration.of("recycle", 1, 1, 1).withTraining(1, 0.1, Duration.ofMinutes(5), 1L);
        TrainingRun run = new TrainingRun(cfg, new ModelWeights(ModelLayout.flat("w", VALUES), initial),
                Set.of("site-a"), dir, new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC()),
                new RoundListener() { }, Clock.systemUTC());
        String name = "recycle-" + System.nanoTime();
        try (CoordinatorServer server = new CoordinatorServer(InProcessServerBuilder.forName(name), run,
                new SimulatedSiteIdentity(), 5_000).start()) {
            ManagedChannel ch = InProcessChannelBuilder.forName(name).intercept(SimulatedSiteIdentity.naming("site-a"))
                    .build();
            try {
                CoordinatorClient site = new CoordinatorClient(ch);
                site.register("recycle", EnumSet.of(UpdateEncoding.FP32), null);

                // The open round's task is answered with the whole model on every pull.
                float[] first = ((Task.Train) site.pullTask("recycle")).global().values();
                float[] kept = ((Task.Train) site.pullTask("recycle")).global().values();
                Arrays.fill(first, Float.NaN);
                site.recycle(new ModelWeights(ModelLayout.flat("w", VALUES), first));
                float[] third = ((Task.Train) site.pullTask("recycle")).global().values();
                float[] fourth = ((Task.Train) site.pullTask("recycle")).global().values();

                assertThat(kept).as("a model not given back gets its own array").isNotSameAs(first).isEqualTo(initial);
                assertThat(third).as("decoded into the given-back array, every value").isSameAs(first)
                        .isEqualTo(initial);
                assertThat(fourth).as("the given-back array serves one pull only").isNotSameAs(third)
                        .isEqualTo(initial);
            } finally {
                ch.shutdownNow();
            }
        }
    }
}
