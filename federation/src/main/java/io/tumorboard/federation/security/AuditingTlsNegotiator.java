package io.tumorboard.federation.security;

import io.grpc.netty.shaded.io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.ssl.NotSslRecordException;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler;
import io.grpc.netty.shaded.io.netty.util.AsciiString;
import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.audit.AuditLog;
import java.security.cert.CertificateException;

/**
 * gRPC's own server TLS negotiation with one addition: a handshake that fails for a reason other than a
 * certificate (those are audited by {@link AuditingTrustManager} with the CN) is written to the audit log,
 * e.g. a client that speaks plaintext or presents no certificate. gRPC offers no public hook for this;
 * the Internal* API of grpc-netty-shaded is the documented extension point for custom negotiators.
 */
final class AuditingTlsNegotiator implements InternalProtocolNegotiator.ProtocolNegotiator {

    private final InternalProtocolNegotiator.ProtocolNegotiator tls;
    private final AuditLog audit;

    AuditingTlsNegotiator(InternalProtocolNegotiator.ProtocolNegotiator tls, AuditLog audit) {
        this.tls = tls;
        this.audit = audit;
    }

    @Override
    public AsciiString scheme() {
        return tls.scheme();
    }

    @Override
    public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
        ChannelHandler inner = tls.newHandler(grpcHandler);
        return new ChannelInboundHandlerAdapter() {
            private boolean watching;

            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                ctx.pipeline().addAfter(ctx.name(), null, inner);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!watching) {
                    watching = true;
                    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                    if (ssl != null) {
                        String peer = String.valueOf(ctx.channel().remoteAddress());
                        ssl.handshakeFuture().addListener(f -> {
                            if (!f.isSuccess() && !causedByCertificate(f.cause())) {
                                audit.refused(AuditEvent.TLS_REFUSED, peer, 0, reason(f.cause()));
                            }
                        });
                    }
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void close() {
        tls.close();
    }

    private static boolean causedByCertificate(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateException || String.valueOf(c.getMessage()).contains("federation CA")
                    || String.valueOf(c.getMessage()).contains("validity period")) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof NotSslRecordException) {
                return "client did not speak TLS";
            }
        }
        String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("certificate") || m.contains("peer")) {
            return "client presented no acceptable certificate";
        }
        return "TLS handshake failed";
    }
}
