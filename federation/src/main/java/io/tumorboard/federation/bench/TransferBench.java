package io.tumorboard.federation.bench;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Task;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.security.CertificateAuthority;
import io.tumorboard.federation.security.TlsCredentials;
import io.tumorboard.federation.transport.CoordinatorClient;
import io.tumorboard.federation.transport.CoordinatorServer;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * One model size through the real protocol, against a raw loopback socket copy of the same bytes, a
 * mutual-TLS copy of them with no protocol ({@link TlsSocketCopy}) and a bare gRPC stream of them over the same
 * mutual TLS ({@link GrpcStreamCopy}): the
 * coordinator runs in a child JVM (so its peak heap is its own), a site pulls the global model over
 * mutual TLS (timed: transfer, digest check, decode; median of {@value #REPEATS} after a warm-up, as is the raw
 * copy) and pushes an update of the same size in each round: the first push warms the path up, the second is
 * timed, once, twice over: up to the coordinator's acceptance (the upload: encoding and digest at the site,
 * transfer, spooling, digest check, validation) and up to the receipt (then also aggregation, checkpoint, the
 * next model read back); the last round, untimed, gives the coordinator's retained heap through a whole round.
 */
public final class TransferBench {

    /** Timed repetitions of the raw copy and of the pull; the median of each is reported. */
    static final int REPEATS = 3;

    /**
     * Figures for one model size; times in seconds, memory in bytes: the coordinator's heap in use after a
     * collection at start, the most it retained through a whole round (see {@link CoordinatorProcess}), and the
     * sum of its heap pools' peaks (garbage included), and its heap in use once its server listened, before any
     * site connected.
     */
    public record Figures(long modelBytes, double rawSeconds, double tlsSeconds, double grpcSeconds, double pullSeconds,
                          double uploadSeconds, double pushSeconds,
                          long coordinatorBaseHeap, long coordinatorRetainedHeap, long coordinatorPoolPeaks,
                          long coordinatorListeningHeap) {

        /** What the listening server holds beside the model and the JVM's own start: not model-proportional. */
        public long serverFixedHeap() {
            return coordinatorListeningHeap - coordinatorBaseHeap - modelBytes;
        }
    }

    public Figures measure(Path dir, int values) throws Exception {
        CertificateAuthority ca = CertificateAuthority.init(dir.resolve("certs"), List.of(), Duration.ofDays(1));
        ca.issueSite("bench-site", Duration.ofDays(1));
        long modelBytes = 4L * values;
        // Both sides of the comparison are timed the same way: one warm-up, then the median of REPEATS.
        rawCopySeconds(modelBytes);
        double[] raws = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            raws[i] = rawCopySeconds(modelBytes);
        }
        double raw = median(raws);
        // The TLS floor, timed the same way: what encryption alone adds to the raw copy.
        TlsSocketCopy.seconds(ca.folder(), "bench-site", modelBytes);
        double[] tlss = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            tlss[i] = TlsSocketCopy.seconds(ca.folder(), "bench-site", modelBytes);
        }
        double tls = median(tlss);
        // The gRPC floor, timed the same way over one warm connection: what HTTP/2 and gRPC add to TLS.
        double grpc;
        try (GrpcStreamCopy copy = new GrpcStreamCopy(ca.folder(), "bench-site")) {
            copy.seconds(modelBytes);
            double[] grpcs = new double[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                grpcs[i] = copy.seconds(modelBytes);
            }
            grpc = median(grpcs);
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long heapMb = Math.max(512, modelBytes * 6 / 1_048_576);
        Process p = new ProcessBuilder(javaBin, "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"),
                CoordinatorProcess.class.getName(), dir.resolve("certs").toString(), dir.resolve("coordinator").toString(),
                Integer.toString(values)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int port = Integer.parseInt(awaitLine(out, "PORT ").substring(5).trim());
            ManagedChannel ch = NettyChannelBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                    .overrideAuthority("localhost").sslContext(TlsCredentials.site(ca.folder(), "bench-site"))
                    .maxInboundMessageSize(2 << 20).flowControlWindow(CoordinatorServer.FLOW_CONTROL_WINDOW).build();
            try {
                CoordinatorClient client = new CoordinatorClient(ch);
                client.register("bench", EnumSet.of(UpdateEncoding.FP32), null);
                // The first pull warmed up TLS and the JIT; each timed one is a fresh pull of the same task, with
                // the model before it given back as a site gives back the model of a finished task.
                Task.Train train = next(client, Task.Train.class);
                double[] pulls = new double[REPEATS];
                for (int i = 0; i < REPEATS; i++) {
                    client.recycle(train.global());
                    long t0 = System.nanoTime();
                    train = (Task.Train) client.pullTask("bench");
                    pulls[i] = (System.nanoTime() - t0) / 1e9;
                }
                double pull = median(pulls);
                float[] update = new float[values];
                java.util.Arrays.fill(update, 1e-6f);
                // Round 1's push warms the upload path up; round 2's is timed, once.
                push(client, train, update);
                Task.Train timed = next(client, Task.Train.class);
                long t1 = System.nanoTime();
                push(client, timed, update);
                double push = (System.nanoTime() - t1) / 1e9;
                double upload = (Long.parseLong(awaitLine(out, "ACCEPTED ").substring(9).trim()) - t1) / 1e9;
                // Round 3, untimed, only gets round 4 under way: the coordinator probes its retained heap through the
                // whole of round 4 (this pull, this upload, aggregation, checkpoint).
                for (int round = 3; round <= CoordinatorProcess.ROUNDS; round++) {
                    push(client, next(client, Task.Train.class), update);
                }
                // Answer the final evaluation so the coordinator's run ends without waiting for its timeout.
                Task.Evaluate eval = next(client, Task.Evaluate.class);
                client.pushResult("bench", new SiteReport(eval.round(), eval.taskId(), TaskKind.EVALUATE, 1, Map.of(), 0),
                        null, null, UpdateEncoding.FP32);
                String[] mem = awaitLine(out, "MEMORY ").split(" ");
                return new Figures(modelBytes, raw, tls, grpc, pull, upload, push, Long.parseLong(mem[1]),
                        Long.parseLong(mem[2]), Long.parseLong(mem[3]), Long.parseLong(mem[4]));
            } finally {
                ch.shutdownNow();
            }
        } finally {
            p.destroy();
        }
    }

    private static void push(CoordinatorClient client, Task.Train task, float[] update) throws Exception {
        client.pushResult("bench", new SiteReport(task.round(), task.taskId(), TaskKind.TRAIN, 1, Map.of(), 0),
                task.global().layout(), update, UpdateEncoding.FP32);
    }

    /** Pulls until the coordinator hands out a task of {@code kind} (WAIT answers are asked again). */
    private static <T extends Task> T next(CoordinatorClient client, Class<T> kind) throws Exception {
        Task t = client.pullTask("bench");
        while (!kind.isInstance(t)) {
            Thread.sleep(20);
            t = client.pullTask("bench");
        }
        return kind.cast(t);
    }

    private static double median(double[] seconds) {
        double[] sorted = seconds.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String awaitLine(BufferedReader out, String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("the coordinator process ended without printing " + prefix.trim());
    }

    /** Seconds to copy {@code bytes} through a plain loopback TCP socket in 1 MiB writes. */
    static double rawCopySeconds(long bytes) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread writer = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream o = s.getOutputStream()) {
                    byte[] buf = new byte[1 << 20];
                    for (long left = bytes; left > 0; left -= buf.length) {
                        o.write(buf, 0, (int) Math.min(buf.length, left));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("raw copy writer failed", e);
                }
            });
            writer.start();
            long t0 = System.nanoTime();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 InputStream in = s.getInputStream()) {
                byte[] buf = new byte[1 << 20];
                long got = 0;
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    got += n;
                }
                if (got != bytes) {
                    throw new IOException("raw copy got " + got + " of " + bytes + " bytes");
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            writer.join();
            return secs;
        }
    }
}
