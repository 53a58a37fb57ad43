package io.tumorboard.federation.security;

import java.nio.file.Path;

/**
 * Where the federation's PEM files live in a certificate folder. They are written by {@link CaPemFiles} (the
 * certificate tooling) and read by {@link JdkPemFiles} (the JDK alone, so running nodes load no BouncyCastle).
 */
public final class CertificateFolder {

    private final Path dir;

    public CertificateFolder(Path dir) {
        this.dir = dir;
    }

    public Path caCert() {
        return dir.resolve("ca.crt");
    }

    Path caKey() {
        return dir.resolve("ca.key");
    }

    public Path coordinatorCert() {
        return dir.resolve("coordinator.crt");
    }

    public Path coordinatorKey() {
        return dir.resolve("coordinator.key");
    }

    public Path siteCert(String site) {
        return dir.resolve("sites").resolve(site + ".crt");
    }

    public Path siteKey(String site) {
        return dir.resolve("sites").resolve(site + ".key");
    }
}
