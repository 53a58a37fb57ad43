package io.tumorboard.federation.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Int64Value;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.tumorboard.federation.security.CertificateFolder;
import io.tumorboard.federation.security.TlsCredentials;
import io.tumorboard.federation.transport.CoordinatorServer;
import java.io.Closeable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * The floor that gRPC itself sets under a model transfer: the same bytes streamed from a server to a client
 * over the federation's mutual TLS, with gRPC's own Netty transport, HTTP/2 and stock protobuf marshalling, as
 * 1 MiB {@code BytesValue} messages built once and sent again and again — no model, no encoding from floats,
 * no digest, no decoding, no task protocol. Whatever the federation's pull costs above this floor is ours; what
 * this floor costs above {@link TlsSocketCopy} is what HTTP/2 and gRPC's framing and copies cost on this machine.
 * One connection serves every copy (handshake before the clock, as for the pull).
 */
final class GrpcStreamCopy implements Closeable {

    private static final int MESSAGE_BYTES = 1 << 20;
    private static final MethodDescriptor<Int64Value, BytesValue> STREAM = MethodDescriptor
            .<Int64Value, BytesValue>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName(MethodDescriptor.generateFullMethodName("tumorboard.bench.Copy", "Stream"))
            .setRequestMarshaller(ProtoUtils.marshaller(Int64Value.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(BytesValue.getDefaultInstance()))
            .build();

    private final Server server;
    private final ManagedChannel channel;

    GrpcStreamCopy(CertificateFolder certs, String site) throws Exception {
        BytesValue message = BytesValue.of(ByteString.copyFrom(new byte[MESSAGE_BYTES]));
        ServerServiceDefinition copy = ServerServiceDefinition.builder("tumorboard.bench.Copy")
                .addMethod(STREAM, ServerCalls.asyncServerStreamingCall(
                        (Int64Value bytes, StreamObserver<BytesValue> out) -> stream(bytes.getValue(), message, out)))
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(
                                certs.coordinatorCert().toFile(), certs.coordinatorKey().toFile()))
                        .trustManager(certs.caCert().toFile()).clientAuth(ClientAuth.REQUIRE).build())
                .addService(copy).build().start();
        // The windows and message limit a site's channel to the coordinator has.
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort());
        channel = NettyChannelBuilder.forAddress(address)
                .overrideAuthority("localhost").sslContext(TlsCredentials.site(certs, site))
                .maxInboundMessageSize(2 << 20).flowControlWindow(CoordinatorServer.FLOW_CONTROL_WINDOW).build();
        seconds(MESSAGE_BYTES);
    }

    /** Seconds from the request to the last byte of {@code bytes} received (a multiple of 1 MiB or less). */
    double seconds(long bytes) {
        long t0 = System.nanoTime();
        Iterator<BytesValue> parts = ClientCalls.blockingServerStreamingCall(channel, STREAM, CallOptions.DEFAULT,
                Int64Value.of(bytes));
        long got = 0;
        while (parts.hasNext()) {
            got += parts.next().getValue().size();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (got != bytes) {
            throw new IllegalStateException("gRPC copy got " + got + " of " + bytes + " bytes");
        }
        return secs;
    }

    /** Sends whole messages while the client's window has room, as a well-behaved server stream does. */
    private static void stream(long bytes, BytesValue message, StreamObserver<BytesValue> out) {
        ServerCallStreamObserver<BytesValue> call = (ServerCallStreamObserver<BytesValue>) out;
        long[] left = {bytes};
        boolean[] done = {false};
        call.setOnReadyHandler(() -> {
            while (call.isReady() && left[0] > 0) {
                int n = (int) Math.min(MESSAGE_BYTES, left[0]);
                call.onNext(n == MESSAGE_BYTES ? message : BytesValue.of(message.getValue().substring(0, n)));
                left[0] -= n;
            }
            if (left[0] == 0 && !done[0]) {
                done[0] = true;
                call.onCompleted();
            }
        });
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
