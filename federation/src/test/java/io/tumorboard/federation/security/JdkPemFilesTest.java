package io.tumorboard.federation.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tumorboard.federation.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkPemFilesTest {

    @TempDir
    Path dir;

    private CertificateFolder folder;

    @BeforeEach
    void issue() {
        CertificateAuthority.init(dir, List.of(), Duration.ofDays(1)).issueSite("hospital-a", Duration.ofDays(1));
        folder = new CertificateFolder(dir);
    }

    @Test
    void readsTheCertificatesAndThePkcs8KeysTheCaWrites() throws Exception {
        X509Certificate ca = JdkPemFiles.certificate(folder.caCert());
        X509Certificate[] chain = JdkPemFiles.certificates(folder.siteCert("hospital-a"));
        PrivateKey key = JdkPemFiles.pkcs8PrivateKey(folder.siteKey("hospital-a")).orElseThrow();

        assertThat(chain).hasSize(1);
        chain[0].verify(ca.getPublicKey());
        assertThat(SiteIdentity.commonName(chain[0])).isEqualTo("hospital-a");
        assertThat(key.getAlgorithm()).isEqualTo("EC");
        // The key is the certificate's: what it signs, the certificate's public key verifies.
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(chain[0]);
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(JdkPemFiles.pkcs8PrivateKey(folder.coordinatorKey())).isPresent();
        // Both ends' TLS contexts build from them (the ITs run the handshakes).
        assertThat(TlsCredentials.site(folder, "hospital-a").isClient()).isTrue();
        assertThat(TlsCredentials.coordinator(folder, new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC())))
                .isNotNull();
    }

    @Test
    void readsAPkcs8RsaKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        byte[] der = rsa.generateKeyPair().getPrivate().getEncoded();
        Path file = dir.resolve("rsa.key");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(der) + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);

        assertThat(JdkPemFiles.pkcs8PrivateKey(file).orElseThrow().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void aFileWithoutAPemCertificateOrKeyIsRefusedWithItsName() throws Exception {
        Path key = folder.siteKey("hospital-a");
        Path cert = folder.siteCert("hospital-a");
        assertThatThrownBy(() -> JdkPemFiles.certificates(key))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(key + " holds no PEM certificate");
        assertThatThrownBy(() -> JdkPemFiles.pkcs8PrivateKey(cert))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(cert + " holds no PEM private key");
        Path broken = dir.resolve("broken.crt");
        Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> JdkPemFiles.certificates(broken))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid certificate in " + broken);
        Path notBase64 = dir.resolve("not-base64.key");
        Files.writeString(notBase64, "-----BEGIN PRIVATE KEY-----\n#### not base64 ####\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> JdkPemFiles.pkcs8PrivateKey(notBase64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not base64");
    }

    @Test
    void aKeyInAnotherPemFormGoesToNettyAsAFile() throws Exception {
        // The site's own key rewritten as SEC1 ("BEGIN EC PRIVATE KEY", with its curve and public key, as openssl
        // ec writes it): not PKCS#8, so the JDK reader leaves it to Netty, which reads it from the file.
        ECPrivateKey key = (ECPrivateKey) JdkPemFiles.pkcs8PrivateKey(folder.siteKey("hospital-a")).orElseThrow();
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(
                JdkPemFiles.certificate(folder.siteCert("hospital-a")).getPublicKey().getEncoded());
        byte[] der = new org.bouncycastle.asn1.sec.ECPrivateKey(256, key.getS(),
                spki.getPublicKeyData(), spki.getAlgorithm().getParameters()).getEncoded();
        Path sec1 = dir.resolve("sec1.key");
        Files.writeString(sec1, "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(der) + "\n-----END EC PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        assertThat(Files.readString(sec1)).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(JdkPemFiles.pkcs8PrivateKey(sec1)).isEmpty();

        assertThat(TlsCredentials.site(folder.caCert(), folder.siteCert("hospital-a"), sec1).isClient()).isTrue();
    }

    @Test
    void aKeyNeitherTheJdkNorNettyCanReadIsAClearError() throws Exception {
        Path encrypted = dir.resolve("encrypted.key");
        Files.writeString(encrypted, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nbm90IGEga2V5\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThat(JdkPemFiles.pkcs8PrivateKey(encrypted)).isEmpty();

        assertThatThrownBy(() -> TlsCredentials.site(folder.caCert(), folder.siteCert("hospital-a"), encrypted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read the private key in " + encrypted);
        assertThatThrownBy(() -> TlsCredentials.coordinator(folder.caCert(), folder.coordinatorCert(), encrypted,
                new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read the private key in " + encrypted);
    }

    @Test
    void runningNodesReadTheirTlsMaterialWithoutBouncyCastle() {
        // Only the certificate tooling writes PEM with BouncyCastle; the coordinator's and the sites' TLS path must
        // not load it (Netty keeps a whole BouncyCastle provider alive when it reads a key file itself).
        noClasses().that().resideInAnyPackage("io.tumorboard.federation.security..",
                        "io.tumorboard.federation.transport..", "io.tumorboard.federation.coordinator..")
                .and().doNotHaveSimpleName("CertificateAuthority").and().doNotHaveSimpleName("CaPemFiles")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.tumorboard.federation"));
    }
}
