package io.tumorboard.board.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The case-page load from {@code wrk} (Debian's package), a separate native process: one keep-alive connection
 * per user on at most one wrk thread per core ({@link #threads}), one signed-in session per user (signed in here
 * through the login form), closed loop, round-robin over the case keys and the sessions
 * ({@code bench/wrk-case-page.lua}). The warm-up is a first wrk run
 * whose figures are dropped. wrk's own CPU is not in this JVM's, so the CPU per request measured here is the
 * workbench's alone.
 */
final class WrkLoad implements LoadGenerator {

    private static final Pattern RESULT = Pattern.compile("wrk-result requests=(\\d+) failed=(\\d+) "
            + "socket_errors=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");

    private final Path wrk;
    private final String base;
    private final BenchLogin login;
    private final List<String> caseKeys;

    WrkLoad(Path wrk, String base, BenchLogin login, List<String> caseKeys) {
        this.wrk = wrk;
        this.base = base;
        this.login = login;
        this.caseKeys = List.copyOf(caseKeys);
    }

    /** The {@code wrk} executable on {@code PATH}, if there is one. */
    static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "wrk")).filter(Files::isExecutable).findFirst();
    }

    @Override
    public String description() {
        return "wrk (" + wrk + ") in its own process, one connection and session per user";
    }

    @Override
    public boolean sharesThisJvm() {
        return false;
    }

    @Override
    public LoadResult run(int users, double warmupSeconds, double seconds) throws Exception {
        Path folder = Files.createTempDirectory("case-page-wrk");
        try {
            Path script = folder.resolve("case-page.lua");
            try (InputStream lua = WrkLoad.class.getResourceAsStream("/bench/wrk-case-page.lua")) {
                Files.copy(lua, script);
            }
            Path cookies = Files.write(folder.resolve("cookies.txt"), sessions(users));
            Path keys = Files.write(folder.resolve("keys.txt"), caseKeys);
            if (warmupSeconds > 0) {
                wrk(users, warmupSeconds, script, cookies, keys);
            }
            long cpuBefore = LoadGenerator.jvmCpuNanos();
            String output = wrk(users, seconds, script, cookies, keys);
            long cpu = LoadGenerator.jvmCpuNanos() - cpuBefore;
            return result(output, users, cpu, LoadGenerator.loadAverage());
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /** One signed-in session per user; the logins run a few at a time (each is a bcrypt check). */
    private List<String> sessions(int users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(users, 4));
        try {
            List<Future<String>> pending = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                pending.add(pool.submit(login::sessionCookie));
            }
            List<String> cookies = new ArrayList<>();
            for (Future<String> cookie : pending) {
                cookies.add(cookie.get());
            }
            return cookies;
        } finally {
            pool.shutdownNow();
        }
    }

    private String wrk(int users, double seconds, Path script, Path cookies, Path keys)
            throws IOException, InterruptedException {
        List<String> command = List.of(wrk.toString(), "-t", String.valueOf(threads(users)), "-c", String.valueOf(users),
                "-d", Math.max(1, Math.round(seconds)) + "s", "--timeout", "10s", "-s", script.toString(), base,
                "--", cookies.toString(), keys.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("wrk exited with " + exit + ": " + output.strip());
        }
        return output;
    }

    /**
     * wrk's event-loop threads: one per core at most. One thread per user would put dozens of client threads on
     * the cores beside the workbench's, and a response would then wait for its client thread to be scheduled,
     * which wrk counts as latency.
     */
    static int threads(int users) {
        return Math.max(1, Math.min(users, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The level's figures from wrk's output: requests that answered 200, everything else an error, requests/s
     * over wrk's own measured duration, p50 and p99 from its latency histogram (µs).
     */
    static LoadResult result(String wrkOutput, int users, long cpuNanos, double loadAverage) {
        Matcher m = RESULT.matcher(wrkOutput);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no result line: " + wrkOutput.strip());
        }
        long requests = Long.parseLong(m.group(1));
        long failed = Long.parseLong(m.group(2));
        long socketErrors = Long.parseLong(m.group(3));
        long ok = requests - failed;
        return new LoadResult(users, ok, failed + socketErrors, Long.parseLong(m.group(4)) / 1e6,
                Long.parseLong(m.group(5)) / 1e3, Long.parseLong(m.group(6)) / 1e3,
                ok == 0 ? Double.NaN : cpuNanos / 1e6 / ok, loadAverage);
    }
}
