package io.tumorboard.federation.simulation;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.tumorboard.federation.security.SiteIdentity;

/**
 * Site identity for in-process simulations only, where there is no TLS session to read a certificate
 * from: the simulated site names itself in a header. Never installed on a network server; {@link
 * InProcessFederation} is its only user.
 */
final class SimulatedSiteIdentity implements ServerInterceptor {

    static final Metadata.Key<String> SITE_HEADER = Metadata.Key.of("x-simulated-site", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        String site = headers.get(SITE_HEADER);
        if (site == null) {
            call.close(Status.UNAUTHENTICATED.withDescription("simulated site name missing"), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return Contexts.interceptCall(Context.current().withValue(SiteIdentity.SITE, site), call, headers, next);
    }

    /** The client side: every call from this channel carries {@code site}'s name. */
    static ClientInterceptor naming(String site) {
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        headers.put(SITE_HEADER, site);
                        super.start(listener, headers);
                    }
                };
            }
        };
    }
}
