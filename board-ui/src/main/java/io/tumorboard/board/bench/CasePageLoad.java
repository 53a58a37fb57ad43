package io.tumorboard.board.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load on the case page: every user signs in with its own session, then requests case pages
 * round-robin over the given keys, back to back, for the measured window. Latency is taken per request with
 * {@link System#nanoTime()}.
 */
public final class CasePageLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final String username;
    private final String password;
    private final List<String> caseKeys;

    public CasePageLoad(String base, String username, String password, List<String> caseKeys) {
        this.base = base;
        this.username = username;
        this.password = password;
        this.caseKeys = List.copyOf(caseKeys);
    }

    /** Runs {@code users} concurrent users: {@code warmupSeconds} unmeasured, then {@code seconds} measured. */
    public LoadResult run(int users, double warmupSeconds, double seconds) throws Exception {
        List<HttpClient> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<HttpClient>> logins = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                logins.add(pool.submit(this::signedIn));
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
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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

    private HttpClient signedIn() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("the login page carries no CSRF token");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("bench user could not sign in as " + username);
        }
        return client;
    }

    static double percentileMs(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
