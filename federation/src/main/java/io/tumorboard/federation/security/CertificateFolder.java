package io.tumorboard.federation.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** Where the federation's PEM files live in a certificate folder, and how they are read and written. */
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

    void write(Path certFile, Path keyFile, X509Certificate cert, PrivateKey key) throws IOException {
        Files.createDirectories(certFile.getParent());
        try (Writer w = Files.newBufferedWriter(certFile, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(cert);
        }
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile);
        try {
            // A private key is readable by its owner only.
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // On a non-POSIX file system the folder's own permissions are what protects the key.
        }
        try (Writer w = Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        }
    }

    X509Certificate readCertificate(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            if (!(o instanceof X509CertificateHolder h)) {
                throw new IllegalArgumentException(file + " holds no PEM certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(h);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read certificate " + file, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("invalid certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    PrivateKey readKey(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            if (!(o instanceof PrivateKeyInfo info)) {
                throw new IllegalArgumentException(file + " holds no unencrypted PKCS#8 private key");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read private key " + file, e);
        }
    }
}
