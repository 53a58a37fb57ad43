package io.tumorboard.board.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load on the case page from this JVM: every user signs in with its own session, then requests case
 * pages round-robin over the given keys, back to back, for the measured window. Latency is taken per request with
 * {@link System#nanoTime()}. Its clients and threads share the cores with the workbench it measures; {@link WrkLoad}
 * is the leaner generator where {@code wrk} is installed.
 */
final class CasePageLoad implements LoadGenerator {

    private final String base;
    private final BenchLogin login;
    private final List<String> caseKeys;

    CasePageLoad(String base, BenchLogin login, List<String> caseKeys) {
        this.base = base;
        this.login = login;
        this.caseKeys = List.copyOf(caseKeys);
    }

    @Override
    public String description() {
        return "Java HttpClient load loop in the workbench's JVM, one client and thread per user";
    }

    @Override
    public boolean sharesThisJvm() {
        return true;
    }

    @Override
    public LoadResult run(int users, double warmupSeconds, double seconds) throws Exception {
        List<HttpClient> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<HttpClient>> logins = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                logins.add(pool.submit(login::signedIn));
            }
            for (Future<HttpClient> login : logins) {
                sessions.add(login.get());
            }
            long start = System.nanoTime() + (long) (warmupSeconds * 1e9);
            long end = start + (long) (seconds * 1e9);
            List<Future<long[]>> results = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                HttpClient session = sessions.get(u);
                int offset = u;
                results.add(pool.submit(() -> loop(session, offset, start, end)));
            }
            long cpuAtStart = cpuNanosAt(start);
            long cpuAtEnd = cpuNanosAt(end);
            List<Long> latencies = new ArrayList<>();
            long errors = 0;
            for (Future<long[]> result : results) {
                long[] r = result.get();
                errors += r[0];
                for (int i = 1; i < r.length; i++) {
                    latencies.add(r[i]);
                }
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new LoadResult(users, sorted.length, errors, seconds, percentileMs(sorted, 0.50),
                    percentileMs(sorted, 0.99), sorted.length == 0 ? Double.NaN
                            : (cpuAtEnd - cpuAtStart) / 1e6 / sorted.length,
                    LoadGenerator.loadAverage());
        } finally {
            pool.shutdownNow();
        }
    }

    /** This JVM's CPU time (all threads, ns) read once {@link System#nanoTime()} reaches {@code instant}. */
    private static long cpuNanosAt(long instant) throws InterruptedException {
        long wait = instant - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return LoadGenerator.jvmCpuNanos();
    }

    /** Returns {errors, latency ns...} of the requests that completed inside the measured window. */
    private long[] loop(HttpClient session, int offset, long start, long end) throws IOException, InterruptedException {
        long[] buffer = new long[1 << 16];
        int count = 1;
        long errors = 0;
        int i = offset;
        while (true) {
            long sent = System.nanoTime();
            if (sent >= end) {
                break;
            }
            String key = caseKeys.get(i++ % caseKeys.size());
            HttpResponse<Void> answer = session.send(HttpRequest.newBuilder(URI.create(base + "/cases/" + key)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding());
            long took = System.nanoTime() - sent;
            if (sent < start) {
                continue;
            }
            if (answer.statusCode() != 200) {
                errors++;
                continue;
            }
            if (count == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[count++] = took;
        }
        buffer[0] = errors;
        return Arrays.copyOf(buffer, count);
    }

    static double percentileMs(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }
}
