package io.tumorboard.federation.bench;

import com.sun.management.OperatingSystemMXBean;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tumorboard.federation.audit.AuditLog;
import io.tumorboard.federation.coordinator.TrainingRun;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.security.CertificateAuthority;
import io.tumorboard.federation.security.TlsCredentials;
import io.tumorboard.federation.transport.CoordinatorClient;
import io.tumorboard.federation.transport.CoordinatorServer;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.ModelWeights;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Steady-state pulls for comparing two builds of the transfer path: coordinator and site in this one JVM over
 * loopback mutual TLS, a few warm-up pulls (JIT, TLS, pools), then the median wall time and process CPU time of
 * the timed pulls. {@link TransferBench} runs the coordinator in a child JVM and times only three pulls, which
 * keeps start-up effects in its figures; this one measures the path once it is warm. It uses only the module's
 * public API; to alternate two builds, run each jar's own copy (older builds have no {@code recycle}). Arguments
 * (all optional): model size in MB (fp32, default 64), warm-up pulls (4), timed pulls (6). Prints one line:
 * the median wall and CPU time per pull, and per timed pull the bytes allocated, the collections and their time.
 * Each pulled model is given back to the client ({@link CoordinatorClient#recycle}) as a site does once its task is
 * done, so a build that decodes into the given-back array shows it here. A second line gives the floors under
 * the pull, warmed and timed the same way in the same JVM: the raw loopback copy, the mutual-TLS copy
 * ({@link TlsSocketCopy}) and the bare gRPC stream over mutual TLS ({@link GrpcStreamCopy}) of the same bytes.
 */
public final class SteadyStatePulls {

    private SteadyStatePulls() {
    }

    public static void main(String[] args) throws Exception {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int timed = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int values = mb * 1_000_000 / 4;
        Path dir = Files.createTempDirectory("steady-pulls");
        CertificateAuthority ca = CertificateAuthority.init(dir.resolve("certs"), List.of(), Duration.ofDays(1));
        ca.issueSite("bench-site", Duration.ofDays(1));
        // One long round: every pull of the open round's task is answered with the whole global model again.
        RunConfiguration cfg = RunConfiguration.of("bench", 1, 1, 1).withTraining(1, 0.1, Duration.ofHours(1), 1L)
                .withEncoding(UpdateEncoding.FP32, 1e9);
        Path work = dir.resolve("coordinator");
        TrainingRun run = new TrainingRun(cfg, new ModelWeights(ModelLayout.flat("bench", values), new float[values]),
                Set.of("bench-site"), work, new AuditLog(work.resolve("audit.jsonl"), Clock.systemUTC()),
                new io.tumorboard.federation.coordinator.RoundListener() { }, Clock.systemUTC());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (CoordinatorServer server = CoordinatorServer.mutualTls("127.0.0.1", 0, ca.folder(),
                new AuditLog(work.resolve("audit.jsonl"), Clock.systemUTC()), run).start()) {
            ManagedChannel ch = NettyChannelBuilder.forAddress(new InetSocketAddress("127.0.0.1", server.port()))
                    .overrideAuthority("localhost").sslContext(TlsCredentials.site(ca.folder(), "bench-site"))
                    .maxInboundMessageSize(2 << 20).flowControlWindow(CoordinatorServer.FLOW_CONTROL_WINDOW).build();
            try {
                CoordinatorClient client = new CoordinatorClient(ch);
                client.register("bench", EnumSet.of(UpdateEncoding.FP32), null);
                double[] walls = new double[timed];
                double[] cpus = new double[timed];
                long[] before = new long[3];
                for (int i = -warmups; i < timed; i++) {
                    if (i == 0) {
                        before = allocationAndCollections();
                    }
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    Task t = client.pullTask("bench");
                    long t1 = System.nanoTime();
                    long cpu1 = os.getProcessCpuTime();
                    if (!(t instanceof Task.Train train) || train.global().values().length != values) {
                        throw new IllegalStateException("expected the round's training task, got " + t);
                    }
                    // Done with it, as a site is once its task is answered: the next pull may decode into it.
                    client.recycle(train.global());
                    if (i >= 0) {
                        walls[i] = (t1 - t0) / 1e9;
                        cpus[i] = (cpu1 - cpu0) / 1e9;
                    }
                }
                long[] after = allocationAndCollections();
                System.out.printf(Locale.ROOT, "STEADY %d MB, %d warm-up, %d timed: wall median %.3f s, CPU median"
                        + " %.3f s; per pull %.1f MB allocated, %.2f collections, %.1f ms in collections"
                        + " | walls %s | cpus %s%n", mb, warmups, timed, median(walls), median(cpus),
                        (after[0] - before[0]) / 1e6 / timed, (after[1] - before[1]) / (double) timed,
                        (after[2] - before[2]) / (double) timed, rounded(walls), rounded(cpus));
            } finally {
                ch.shutdownNow();
            }
        }
        floors(ca, 4L * values, warmups, timed);
    }

    private static void floors(CertificateAuthority ca, long bytes, int warmups, int timed) throws Exception {
        double[] raw = new double[timed];
        double[] tls = new double[timed];
        double[] grpc = new double[timed];
        try (GrpcStreamCopy copy = new GrpcStreamCopy(ca.folder(), "bench-site")) {
            for (int i = -warmups; i < timed; i++) {
                double r = TransferBench.rawCopySeconds(bytes);
                double t = TlsSocketCopy.seconds(ca.folder(), "bench-site", bytes);
                double g = copy.seconds(bytes);
                if (i >= 0) {
                    raw[i] = r;
                    tls[i] = t;
                    grpc[i] = g;
                }
            }
        }
        System.out.printf(Locale.ROOT, "FLOORS %d bytes, %d warm-up, %d timed, medians: raw socket %.3f s, mutual-TLS"
                + " socket %.3f s (%.2f x raw), bare gRPC over mutual TLS %.3f s (%.2f x raw)"
                + " | raw %s | tls %s | grpc %s%n",
                bytes, warmups, timed, median(raw), median(tls), median(tls) / median(raw), median(grpc),
                median(grpc) / median(raw), rounded(raw), rounded(tls), rounded(grpc));
    }

    /**
     * Bytes allocated so far by the threads alive now (the pulls' threads are pooled, so they are), collections
     * so far and their total time (ms): what the transfer path costs the JVM, less swayed by load than time.
     */
    private static long[] allocationAndCollections() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            allocated += Math.max(0, b);
        }
        long count = 0;
        long ms = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {allocated, count, ms};
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String rounded(double[] xs) {
        StringBuilder b = new StringBuilder();
        for (double x : xs) {
            b.append(String.format(Locale.ROOT, "%.3f ", x));
        }
        return b.toString().trim();
    }
}
