package io.tumorboard.federation.security;

import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.InternalNettyServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiators;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.tumorboard.federation.audit.AuditLog;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * Mutual-TLS settings for both ends, built from a certificate folder. Certificates and PKCS#8 keys are read with
 * the JDK ({@link JdkPemFiles}) and handed to Netty in memory: given files, Netty reads a key with BouncyCastle's
 * PEM parser when it is on the class path, which keeps several MB of provider tables alive in every node. A key
 * in another PEM form still goes to Netty as a file.
 */
public final class TlsCredentials {

    private TlsCredentials() {
    }

    /**
     * The coordinator's server credentials: its own certificate, client certificates REQUIRED and trusted
     * only when issued by the federation CA; refusals written to {@code audit}.
     */
    public static ServerCredentials coordinator(CertificateFolder folder, AuditLog audit) {
        return coordinator(folder.caCert(), folder.coordinatorCert(), folder.coordinatorKey(), audit);
    }

    /** As {@link #coordinator(CertificateFolder, AuditLog)}, from the three PEM files wherever they lie. */
    public static ServerCredentials coordinator(Path caCert, Path cert, Path key, AuditLog audit) {
        Optional<PrivateKey> pkcs8 = JdkPemFiles.pkcs8PrivateKey(key);
        SslContextBuilder builder = pkcs8.isPresent()
                ? SslContextBuilder.forServer(pkcs8.get(), JdkPemFiles.certificates(cert))
                : keyFromFile(key, () -> SslContextBuilder.forServer(cert.toFile(), key.toFile()));
        try {
            SslContext ssl = GrpcSslContexts.configure(builder)
                    .trustManager(new AuditingTrustManager(JdkPemFiles.certificate(caCert), audit))
                    .clientAuth(ClientAuth.REQUIRE)
                    .build();
            return InternalNettyServerCredentials.create(
                    new AuditingTlsNegotiator(InternalProtocolNegotiators.serverTls(ssl), audit));
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the coordinator's TLS context from " + cert + " and " + key
                    + ": " + e.getMessage(), e);
        }
    }

    /** A site's client TLS context: it trusts the federation CA and presents its own certificate. */
    public static SslContext site(Path caCert, Path siteCert, Path siteKey) {
        SslContextBuilder builder = GrpcSslContexts.forClient().trustManager(JdkPemFiles.certificates(caCert));
        Optional<PrivateKey> pkcs8 = JdkPemFiles.pkcs8PrivateKey(siteKey);
        if (pkcs8.isPresent()) {
            builder.keyManager(pkcs8.get(), JdkPemFiles.certificates(siteCert));
        } else {
            keyFromFile(siteKey, () -> builder.keyManager(siteCert.toFile(), siteKey.toFile()));
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the site's TLS context from " + siteCert + " and " + siteKey
                    + ": " + e.getMessage(), e);
        }
    }

    /** A site's client TLS context from the federation certificate folder. */
    public static SslContext site(CertificateFolder folder, String site) {
        return site(folder.caCert(), folder.siteCert(site), folder.siteKey(site));
    }

    /** Netty reads a key that is not unencrypted PKCS#8 EC/RSA from its file; its refusal names the file. */
    private static SslContextBuilder keyFromFile(Path key, Supplier<SslContextBuilder> netty) {
        try {
            return netty.get();
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("cannot read the private key in " + key + ": it is not an unencrypted"
                    + " PKCS#8 EC or RSA key, and Netty could not read it either (" + cause.getMessage() + ")", e);
        }
    }
}
