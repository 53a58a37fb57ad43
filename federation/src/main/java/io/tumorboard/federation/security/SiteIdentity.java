package io.tumorboard.federation.security;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A site is who its TLS client certificate says it is: this interceptor reads the verified peer
 * certificate's CN and makes it the call's site name. A call without a verified certificate never
 * reaches a service (UNAUTHENTICATED).
 */
public final class SiteIdentity implements ServerInterceptor {

    /** The calling site's name (its certificate's CN), set for every admitted call. */
    public static final Context.Key<String> SITE = Context.key("federation-site");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        String site = siteOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION)).orElse(null);
        if (site == null) {
            call.close(Status.UNAUTHENTICATED.withDescription("a verified client certificate is required"),
                    new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return Contexts.interceptCall(Context.current().withValue(SITE, site), call, headers, next);
    }

    /** The site a TLS session's verified peer certificate names (its CN); empty without one. */
    public static Optional<String> siteOf(SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] peer = session.getPeerCertificates();
            if (peer.length > 0 && peer[0] instanceof X509Certificate x) {
                return Optional.of(commonName(x));
            }
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return "(unreadable subject)";
        }
        return "(no CN)";
    }
}
