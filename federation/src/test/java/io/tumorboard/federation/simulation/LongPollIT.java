package io.tumorboard.federation.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
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
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site with nothing to do asks once and is answered when its task exists, not by polling. */
class LongPollIT {

    @TempDir
    Path dir;

    @Test
    void aWaitingSitesPullIsHeldUntilItsRoundOpensAndThenAnsweredWithItsTask() throws Exception {
        RunConfiguration cfg = RunConfiguration.of("long-poll", 1, 2, 2).withTraining(1, 0.1, Duration.ofSeconds(60), 1L);
        TrainingRun run = new TrainingRun(cfg, new ModelWeights(ModelLayout.flat("w", 8), new float[8]),
                Set.of("site-a", "site-b"), dir, new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC()),
                new RoundListener() { }, Clock.systemUTC());
        String name = "long-poll-" + System.nanoTime();
        AtomicInteger pullsByA = new AtomicInteger();
        try (CoordinatorServer server = new CoordinatorServer(InProcessServerBuilder.forName(name), run,
                new SimulatedSiteIdentity(), 5_000).start()) {
            ManagedChannel a = InProcessChannelBuilder.forName(name).intercept(SimulatedSiteIdentity.naming("site-a"),
                    counting("PullTask", pullsByA)).build();
            ManagedChannel b = InProcessChannelBuilder.forName(name).intercept(SimulatedSiteIdentity.naming("site-b"))
                    .build();
            try {
                CoordinatorClient siteA = new CoordinatorClient(a);
                siteA.register("long-poll", EnumSet.of(UpdateEncoding.FP32), null);
                CompletableFuture<Task> task = CompletableFuture.supplyAsync(() -> {
                    try {
                        return siteA.pullTask("long-poll");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                // The round cannot open before site-b registers: site-a's one call stays open meanwhile.
                Thread.sleep(500);
                assertThat(task).isNotDone();

                new CoordinatorClient(b).register("long-poll", EnumSet.of(UpdateEncoding.FP32), null);

                assertThat(task.get(30, TimeUnit.SECONDS)).isInstanceOf(Task.Train.class);
                assertThat(pullsByA.get()).as("PullTask calls made by site-a").isEqualTo(1);
            } finally {
                a.shutdownNow();
                b.shutdownNow();
            }
        }
    }

    private static ClientInterceptor counting(String method, AtomicInteger calls) {
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> m, CallOptions options, Channel next) {
                if (method.equals(m.getBareMethodName())) {
                    calls.incrementAndGet();
                }
                return next.newCall(m, options);
            }
        };
    }
}
