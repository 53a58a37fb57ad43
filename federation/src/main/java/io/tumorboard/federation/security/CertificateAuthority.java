package io.tumorboard.federation.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The federation's private certificate authority, kept in a folder: {@code ca.crt}/{@code ca.key}, the
 * coordinator's {@code coordinator.crt}/{@code .key} and one {@code sites/NAME.crt}/{@code .key} per site.
 * Keys are EC P-256; a site's identity is the CN of its certificate.
 */
public final class CertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateFolder folder;
    private final X509Certificate caCert;
    private final PrivateKey caKey;

    private CertificateAuthority(CertificateFolder folder, X509Certificate caCert, PrivateKey caKey) {
        this.folder = folder;
        this.caCert = caCert;
        this.caKey = caKey;
    }

    /**
     * Creates a new CA and the coordinator's certificate in {@code dir}, valid from now for
     * {@code validity}. The coordinator's certificate names localhost and 127.0.0.1 plus {@code extraSans}
     * (host names or IP addresses). Refuses to overwrite an existing CA.
     */
    public static CertificateAuthority init(Path dir, List<String> extraSans, Duration validity) {
        CertificateFolder folder = new CertificateFolder(dir);
        if (Files.exists(folder.caCert())) {
            throw new IllegalStateException("a CA already exists in " + dir + "; refusing to overwrite it");
        }
        Instant now = Instant.now();
        KeyPair kp = newKeyPair();
        X500Name name = new X500Name("CN=tumorboard federation CA");
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)), name, kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate ca = sign(b, kp.getPrivate());
            CaPemFiles.write(folder.caCert(), folder.caKey(), ca, kp.getPrivate());
            CertificateAuthority authority = new CertificateAuthority(folder, ca, kp.getPrivate());
            List<String> sans = new ArrayList<>(List.of("localhost", "127.0.0.1"));
            sans.addAll(extraSans);
            authority.issue("coordinator", sans, now.minusSeconds(60), now.plus(validity),
                    folder.coordinatorCert(), folder.coordinatorKey());
            return authority;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create the CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens the CA kept in {@code dir}. */
    public static CertificateAuthority load(Path dir) {
        CertificateFolder folder = new CertificateFolder(dir);
        PrivateKey caKey = JdkPemFiles.pkcs8PrivateKey(folder.caKey()).orElseThrow(() -> new IllegalArgumentException(
                folder.caKey() + " holds no unencrypted PKCS#8 EC or RSA private key"));
        return new CertificateAuthority(folder, JdkPemFiles.certificate(folder.caCert()), caKey);
    }

    /** Issues a site's client certificate valid for {@code validity} from now; the CN is the site name. */
    public Path issueSite(String site, Duration validity) {
        Instant now = Instant.now();
        return issueSite(site, now.minusSeconds(60), now.plus(validity));
    }

    /** Issues a site's certificate with an explicit validity window (an expired one, for drills and tests). */
    public Path issueSite(String site, Instant notBefore, Instant notAfter) {
        if (!site.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("site name must be 1-64 of [A-Za-z0-9._-]: " + site);
        }
        try {
            issue(site, List.of(), notBefore, notAfter, folder.siteCert(site), folder.siteKey(site));
            return folder.siteCert(site);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue a certificate for site " + site + ": " + e.getMessage(), e);
        }
    }

    public CertificateFolder folder() {
        return folder;
    }

    private void issue(String cn, List<String> sans, Instant notBefore, Instant notAfter, Path certFile,
                       Path keyFile) throws GeneralSecurityException, IOException {
        KeyPair kp = newKeyPair();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(notBefore),
                Date.from(notAfter), new X500Name("CN=" + cn), kp.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
        if (!sans.isEmpty()) {
            List<GeneralName> names = new ArrayList<>();
            for (String s : sans) {
                names.add(looksLikeIp(s) ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(s).getHostAddress())
                        : new GeneralName(GeneralName.dNSName, s));
            }
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        }
        CaPemFiles.write(certFile, keyFile, sign(b, caKey), kp.getPrivate());
    }

    private static boolean looksLikeIp(String s) {
        return s.matches("[0-9.]+") || s.contains(":");
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with ECDSA", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always ships EC P-256", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM);
    }

    static void unchecked(IOException e, Path p) {
        throw new UncheckedIOException("cannot access " + p, e);
    }
}
