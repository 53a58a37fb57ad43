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
import javax.net.ssl.SSLException;

/** Mutual-TLS settings for both ends, built from a certificate folder. */
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
        try {
            SslContext ssl = GrpcSslContexts.configure(SslContextBuilder.forServer(cert.toFile(), key.toFile()))
                    .trustManager(new AuditingTrustManager(new CertificateFolder(caCert.getParent())
                            .readCertificate(caCert), audit))
                    .clientAuth(ClientAuth.REQUIRE)
                    .build();
            return InternalNettyServerCredentials.create(
                    new AuditingTlsNegotiator(InternalProtocolNegotiators.serverTls(ssl), audit));
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the coordinator's TLS context: " + e.getMessage(), e);
        }
    }

    /** A site's client TLS context: it trusts the federation CA and presents its own certificate. */
    public static SslContext site(Path caCert, Path siteCert, Path siteKey) {
        try {
            return GrpcSslContexts.forClient()
                    .trustManager(caCert.toFile())
                    .keyManager(siteCert.toFile(), siteKey.toFile())
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the site's TLS context: " + e.getMessage(), e);
        }
    }

    /** A site's client TLS context from the federation certificate folder. */
    public static SslContext site(CertificateFolder folder, String site) {
        return site(folder.caCert(), folder.siteCert(site), folder.siteKey(site));
    }
}
