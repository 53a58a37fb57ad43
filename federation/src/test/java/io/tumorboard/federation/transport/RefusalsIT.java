package io.tumorboard.federation.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.RoundListener;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.security.CertificateAuthority;
import io.tumorboard.federation.simulation.LogisticTrainer;
import io.tumorboard.federation.simulation.LoopbackFederation;
import io.tumorboard.federation.site.CoordinatorLink;
import io.tumorboard.federation.site.LinkFailure;
import io.tumorboard.federation.v1.FederationCoordinatorGrpc;
import io.tumorboard.federation.v1.ResultPart;
import io.tumorboard.federation.v1.ResultReceipt;
import io.tumorboard.federation.v1.WeightChunk;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.PayloadEncoder;
import io.tumorboard.federation.weights.PayloadHeader;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefusalsIT {

    private static final String RUN = "refusals";
    private static final ModelLayout LAYOUT = LogisticTrainer.layout(4);

    @TempDir
    Path dir;

    private LoopbackFederation fed;
    private ManagedChannel one;
    private ManagedChannel two;

    @BeforeEach
    void start() throws Exception {
        RunConfiguration cfg = RunConfiguration.of(RUN, 3, 2, 2).withTraining(1, 0.1, Duration.ofSeconds(30), 1L);
        fed = new LoopbackFederation(dir, cfg, new io.tumorboard.federation.weights.ModelWeights(LAYOUT,
                new float[LAYOUT.size()]), Set.of("hospital-001", "hospital-002"), new RoundListener() { });
        fed.startCoordinator();
        one = fed.siteChannel(fed.certificateAuthority().folder(), "hospital-001");
        two = fed.siteChannel(fed.certificateAuthority().folder(), "hospital-002");
    }

    @AfterEach
    void stop() throws Exception {
        one.shutdownNow();
        two.shutdownNow();
        fed.close();
    }

    @Test
    void connectionsWithoutMutualTlsFromAnotherCaWithAnExpiredCertificateOrFromAnUnlistedSiteAreRefusedAndAudited()
            throws Exception {
        ManagedChannel plaintext = NettyChannelBuilder.forAddress("127.0.0.1", fed.port()).usePlaintext().build();
        CertificateAuthority other = CertificateAuthority.init(dir.resolve("other-ca"), List.of(), Duration.ofDays(1));
        other.issueSite("hospital-001", Duration.ofDays(1));
        // Trusts the federation's CA (so the coordinator is accepted) but presents a certificate from another CA.
        ManagedChannel foreign = NettyChannelBuilder.forAddress("127.0.0.1", fed.port()).overrideAuthority("localhost")
                .sslContext(io.tumorboard.federation.security.TlsCredentials.site(
                        fed.certificateAuthority().folder().caCert(), other.folder().siteCert("hospital-001"),
                        other.folder().siteKey("hospital-001")))
                .build();
        fed.certificateAuthority().issueSite("lapsed", Instant.now().minusSeconds(86_400 * 2),
                Instant.now().minusSeconds(86_400));
        ManagedChannel expired = fed.siteChannel(fed.certificateAuthority().folder(), "lapsed");
        fed.certificateAuthority().issueSite("intruder", Duration.ofDays(1));
        ManagedChannel intruder = fed.siteChannel(fed.certificateAuthority().folder(), "intruder");
        try {
            for (ManagedChannel c : List.of(plaintext, foreign, expired)) {
                assertThatThrownBy(() -> new CoordinatorClient(c).register(RUN, EnumSet.of(UpdateEncoding.FP32), null))
                        .isInstanceOf(LinkFailure.class);
            }
            assertThatThrownBy(() -> new CoordinatorClient(intruder).register(RUN, EnumSet.of(UpdateEncoding.FP32), null))
                    .isInstanceOf(LinkFailure.class)
                    .satisfies(e -> assertThat(((LinkFailure) e).action()).isEqualTo(LinkFailure.Action.STOP))
                    .hasMessageContaining("PERMISSION_DENIED").hasMessageContaining("not admitted");
        } finally {
            for (ManagedChannel c : List.of(plaintext, foreign, expired, intruder)) {
                c.shutdownNow();
            }
        }
        awaitAudited(AuditEvent.TLS_REFUSED, AuditEvent.UNTRUSTED_CERTIFICATE, AuditEvent.EXPIRED_CERTIFICATE,
                AuditEvent.UNREGISTERED_SITE);
        AuditLog audit = fed.audit();
        assertThat(audit.entries()).filteredOn(e -> e.event() == AuditEvent.TLS_REFUSED)
                .extracting(AuditLog.AuditEntry::reason).contains("client did not speak TLS");
        assertThat(audit.entries()).filteredOn(e -> e.event() == AuditEvent.EXPIRED_CERTIFICATE)
                .extracting(AuditLog.AuditEntry::peer).contains("lapsed");
        assertThat(audit.entries()).filteredOn(e -> e.event() == AuditEvent.UNREGISTERED_SITE)
                .extracting(AuditLog.AuditEntry::peer).contains("intruder");
    }

    @Test
    void staleReplayedNonFiniteAbsurdAndOversizedUpdatesAreRefusedWithAPlainStatusAndAudited() throws Exception {
        CoordinatorClient site = new CoordinatorClient(one);
        Task.Train task = bothRegisteredFirstTask(site);
        float[] honest = new float[LAYOUT.size()];
        java.util.Arrays.fill(honest, 0.01f);

        float[] nan = honest.clone();
        nan[2] = Float.NaN;
        assertRefused(site, report(task, task.taskId()), nan, "INVALID_ARGUMENT", "NaN");
        float[] huge = honest.clone();
        huge[0] = 1e6f;
        assertRefused(site, report(task, task.taskId()), huge, "INVALID_ARGUMENT", "norm");
        assertRefused(site, report(task, "not-a-task-we-issued"), honest, "FAILED_PRECONDITION", "current round");
        assertThat(oversizedPush(task)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

        site.pushResult(RUN, report(task, task.taskId()), LAYOUT, honest, UpdateEncoding.FP32);
        assertRefused(site, report(task, task.taskId()), honest, "ALREADY_EXISTS", "already answered");

        awaitAudited(AuditEvent.NON_FINITE_UPDATE, AuditEvent.ABSURD_NORM, AuditEvent.STALE_UPDATE,
                AuditEvent.OVERSIZED_STREAM, AuditEvent.REPLAYED_UPDATE);
        assertThat(fed.audit().entries()).allSatisfy(e -> assertThat(e.reason()).doesNotContain("Exception"));
    }

    @Test
    void aSingleMessageAboveGrpcsLimitIsRefusedBeforeAnyServiceSeesItAndStillAudited() throws Exception {
        CoordinatorClient site = new CoordinatorClient(one);
        Task.Train task = bothRegisteredFirstTask(site);

        assertThat(push(task, new byte[2 << 20])).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

        awaitAudited(AuditEvent.OVERSIZED_STREAM);
        assertThat(fed.audit().entries()).filteredOn(e -> e.event() == AuditEvent.OVERSIZED_STREAM).singleElement()
                .satisfies(e -> {
                    assertThat(e.peer()).isEqualTo("hospital-001");
                    assertThat(e.reason()).contains("single message", "PushResult", "limit");
                });
    }

    private static SiteReport report(Task.Train t, String taskId) {
        return new SiteReport(t.round(), taskId, TaskKind.TRAIN, 50, Map.of("train_loss", 0.5), 0);
    }

    private static void assertRefused(CoordinatorLink site, SiteReport r, float[] update, String code, String why) {
        assertThatThrownBy(() -> site.pushResult(RUN, r, LAYOUT, update, UpdateEncoding.FP32))
                .isInstanceOf(LinkFailure.class)
                .hasMessageContaining(code).hasMessageContaining(why)
                .satisfies(e -> assertThat(((LinkFailure) e).action()).isEqualTo(LinkFailure.Action.DROP_RESULT));
    }

    /** Declares an honest-size update, then streams twice as many bytes. */
    private Status.Code oversizedPush(Task.Train task) throws Exception {
        float[] values = new float[LAYOUT.size()];
        PayloadEncoder enc = PayloadEncoder.forValues(LAYOUT, UpdateEncoding.FP32, values);
        PayloadHeader header = PayloadHeader.of(enc, LAYOUT, values);
        byte[] chunk = new byte[(int) header.totalBytes()];
        return push(task, chunk, chunk);
    }

    /** Pushes an honest header for {@code task}, then {@code chunks} as they are. */
    private Status.Code push(Task.Train task, byte[]... chunks) throws Exception {
        float[] values = new float[LAYOUT.size()];
        PayloadEncoder enc = PayloadEncoder.forValues(LAYOUT, UpdateEncoding.FP32, values);
        PayloadHeader header = PayloadHeader.of(enc, LAYOUT, values);
        CompletableFuture<Status.Code> outcome = new CompletableFuture<>();
        StreamObserver<ResultPart> requests = FederationCoordinatorGrpc.newStub(one)
                .withDeadlineAfter(10, TimeUnit.SECONDS).pushResult(new StreamObserver<ResultReceipt>() {
                    @Override
                    public void onNext(ResultReceipt r) {
                    }

                    @Override
                    public void onError(Throwable t) {
                        outcome.complete(Status.fromThrowable(t).getCode());
                    }

                    @Override
                    public void onCompleted() {
                        outcome.complete(Status.Code.OK);
                    }
                });
        requests.onNext(ResultPart.newBuilder().setHeader(ProtoMapper.toProto(RUN, report(task, task.taskId()), header))
                .build());
        for (byte[] chunk : chunks) {
            requests.onNext(ResultPart.newBuilder().setChunk(WeightChunk.newBuilder().setData(ByteString.copyFrom(chunk)))
                    .build());
        }
        requests.onCompleted();
        return outcome.get(10, TimeUnit.SECONDS);
    }

    /** Registers both sites (the round needs two) and returns the first site's training task. */
    private Task.Train bothRegisteredFirstTask(CoordinatorClient site) throws Exception {
        site.register(RUN, EnumSet.of(UpdateEncoding.FP32), null);
        new CoordinatorClient(two).register(RUN, EnumSet.of(UpdateEncoding.FP32), null);
        return (Task.Train) awaitTask(site);
    }

    private static Task awaitTask(CoordinatorLink site) throws Exception {
        for (int i = 0; i < 200; i++) {
            Task t = site.pullTask(RUN);
            if (t instanceof Task.Train) {
                return t;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no training task within 4 s");
    }

    private void awaitAudited(AuditEvent... events) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            Set<AuditEvent> seen = EnumSet.noneOf(AuditEvent.class);
            fed.audit().entries().forEach(e -> seen.add(e.event()));
            if (seen.containsAll(List.of(events))) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(fed.audit().entries()).extracting(AuditLog.AuditEntry::event).contains(events);
    }
}
