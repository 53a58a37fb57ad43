package io.tumorboard.federation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    @TempDir
    Path dir;

    @Test
    void aSiteCertificateIsSignedByTheCaCarriesTheSiteAsCnAndItsKeyIsOwnerOnly() throws Exception {
        CertificateAuthority ca = CertificateAuthority.init(dir, List.of("coord.example.org", "10.1.2.3"), Duration.ofDays(30));
        CertificateFolder f = CertificateAuthority.load(dir).folder();
        CertificateAuthority.load(dir).issueSite("hospital-a", Duration.ofDays(10));
        X509Certificate root = JdkPemFiles.certificate(f.caCert());
        X509Certificate site = JdkPemFiles.certificate(f.siteCert("hospital-a"));
        site.verify(root.getPublicKey());
        site.checkValidity();
        assertThat(SiteIdentity.commonName(site)).isEqualTo("hospital-a");
        assertThat(site.getNotAfter().toInstant()).isBefore(java.time.Instant.now().plus(Duration.ofDays(11)));
        assertThat(Files.getPosixFilePermissions(f.siteKey("hospital-a")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        X509Certificate coordinator = JdkPemFiles.certificate(f.coordinatorCert());
        List<String> sans = coordinator.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList();
        assertThat(sans).contains("localhost", "127.0.0.1", "coord.example.org", "10.1.2.3");
        assertThat(ca.folder().caCert()).exists();
    }

    @Test
    void anExistingCaIsNeverOverwrittenAndABadSiteNameIsRefused() {
        CertificateAuthority ca = CertificateAuthority.init(dir, List.of(), Duration.ofDays(1));
        assertThatThrownBy(() -> CertificateAuthority.init(dir, List.of(), Duration.ofDays(1)))
                .hasMessageContaining("refusing to overwrite");
        assertThatThrownBy(() -> ca.issueSite("../evil", Duration.ofDays(1))).hasMessageContaining("site name");
    }
}
