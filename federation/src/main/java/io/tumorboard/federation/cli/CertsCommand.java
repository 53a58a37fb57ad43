package io.tumorboard.federation.cli;

import io.tumorboard.federation.security.CertificateAuthority;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code federation certs init|site}: the federation's CA and its certificates. */
@Command(name = "certs", mixinStandardHelpOptions = true, description = "Create the federation CA and certificates.",
        subcommands = {CertsCommand.Init.class, CertsCommand.Site.class})
final class CertsCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create a CA and the coordinator's certificate (SAN localhost, 127.0.0.1 and --san).")
    static final class Init implements Runnable {
        @Option(names = "--dir", required = true, description = "Certificate folder.")
        Path dir;

        @Option(names = "--san", description = "Extra host name or IP address of the coordinator (repeatable).")
        List<String> sans = new ArrayList<>();

        @Option(names = "--days", defaultValue = "365", description = "Validity in days (default ${DEFAULT-VALUE}).")
        int days;

        @Override
        public void run() {
            CertificateAuthority ca = CertificateAuthority.init(dir, sans, Duration.ofDays(days));
            System.out.printf("CA: %s%ncoordinator: %s%n", ca.folder().caCert(), ca.folder().coordinatorCert());
        }
    }

    @Command(name = "site", mixinStandardHelpOptions = true, description = "Issue a site's client certificate (CN = NAME).")
    static final class Site implements Runnable {
        @Parameters(index = "0", paramLabel = "NAME", description = "Site name, 1-64 of [A-Za-z0-9._-].")
        String name;

        @Option(names = "--dir", required = true, description = "Certificate folder holding the CA.")
        Path dir;

        @Option(names = "--days", defaultValue = "365", description = "Validity in days (default ${DEFAULT-VALUE}).")
        int days;

        @Override
        public void run() {
            Path cert = CertificateAuthority.load(dir).issueSite(name, Duration.ofDays(days));
            System.out.printf("site %s: %s%n", name, cert);
        }
    }
}
