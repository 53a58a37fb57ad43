package io.tumorboard.model.casestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a throwaway PostgreSQL cluster for a test class: {@code initdb} into {@code target/}, {@code pg_ctl start}
 * on a free loopback port, and stop plus delete afterwards. PostgreSQL refuses to run as root, so when the tests
 * run as root (as in CI) the data folder is handed to the {@code postgres} user and every server command runs
 * through {@code runuser -u postgres}. The test is skipped, with a message, only when no PostgreSQL binaries are
 * installed ({@code /usr/lib/postgresql/<version>/bin}).
 */
public final class ThrowawayPostgres implements BeforeAllCallback, AfterAllCallback {

    private static final Path INSTALLS = Path.of("/usr/lib/postgresql");
    private static final String OS_USER = "postgres";
    /** The database role the tests connect as (trust authentication on loopback only). */
    public static final String ROLE = "board";

    private static int port;
    private Path dataDir;
    private Path bin;
    private boolean asRoot;

    /** The JDBC URL of the running cluster's {@code postgres} database. */
    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<Path> found = binaries();
        Assumptions.assumeTrue(found.isPresent(), "PostgreSQL binaries not found under " + INSTALLS
                + "/*/bin (apt-get install postgresql); the PostgreSQL integration test cannot run here");
        bin = found.get();
        asRoot = "root".equals(System.getProperty("user.name"));
        dataDir = Path.of("target").toAbsolutePath().resolve("pg-" + ProcessHandle.current().pid());
        Files.createDirectories(dataDir);
        if (asRoot) {
            run(List.of("chown", "-R", OS_USER, dataDir.toString()), false);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.resolve("data").toString(), "-U", ROLE,
                "--auth=trust", "-E", "UTF8", "--no-locale"), true);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dataDir.resolve("server.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dataDir + " -c fsync=off", "start"), true);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (dataDir == null) {
            return;
        }
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), true);
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Optional<Path> binaries() throws IOException {
        if (!Files.isDirectory(INSTALLS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLS)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder());
        }
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres && asRoot) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new UncheckedIOException(new IOException("'" + String.join(" ", full) + "' failed: " + output));
        }
    }
}
