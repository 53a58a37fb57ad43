package io.tumorboard.federation.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the federation's PEM files with the JDK alone: X.509 certificates, and private keys in unencrypted PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}, what {@link CertificateAuthority} writes). The coordinator and the sites
 * read their TLS material here, so a running node never loads BouncyCastle's PEM parser (several MB of heap that
 * stay for the life of the process). A key in another PEM form (SEC1 {@code EC PRIVATE KEY}, PKCS#1, encrypted) is
 * left to Netty, which reads it from the file ({@link TlsCredentials}).
 */
final class JdkPemFiles {

    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";
    /** Key algorithms tried in turn on a PKCS#8 key: the CA issues EC P-256; RSA is the other one TLS uses here. */
    private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA");

    private JdkPemFiles() {
    }

    /** Every certificate in {@code file}, in file order (a chain: the leaf first). */
    static X509Certificate[] certificates(Path file) {
        String pem = read(file, "certificate");
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException(file + " holds no PEM certificate");
        }
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("invalid certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first certificate in {@code file}. */
    static X509Certificate certificate(Path file) {
        return certificates(file)[0];
    }

    /**
     * The unencrypted PKCS#8 EC or RSA key in {@code file}; empty when the file holds a PEM private key in another
     * form or of another algorithm (for Netty to read). IllegalArgumentException when it holds no PEM private key
     * at all, or a PKCS#8 block that is not base64.
     */
    static Optional<PrivateKey> pkcs8PrivateKey(Path file) {
        String pem = read(file, "private key");
        int begin = pem.indexOf(KEY_BEGIN);
        if (begin < 0) {
            if (!pem.matches("(?s).*-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*")) {
                throw new IllegalArgumentException(file + " holds no PEM private key");
            }
            return Optional.empty();
        }
        int end = pem.indexOf(KEY_END, begin);
        if (end < 0) {
            throw new IllegalArgumentException(file + ": its PRIVATE KEY block has no END line");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + KEY_BEGIN.length(), end).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": its PRIVATE KEY block is not base64: " + e.getMessage(), e);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(spec));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // Try the next one; a key of none of them goes to Netty, which names the failure.
            }
        }
        return Optional.empty();
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file, e);
        }
    }
}
