package io.tumorboard.federation.bench;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.bootstrap.Bootstrap;
import io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap;
import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.WriteBufferWaterMark;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.SocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler;
import io.tumorboard.federation.security.CertificateFolder;
import io.tumorboard.federation.security.TlsCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor that TLS itself sets under a model transfer: the same bytes over a loopback connection with the
 * federation's mutual TLS, on the same Netty and BoringSSL (netty-tcnative) that gRPC uses, but with no HTTP/2,
 * no protobuf and no digest. Between the raw socket copy and the gRPC pull it separates what encryption costs
 * from what the protocol costs. The handshake is done before the clock starts, as it is for the pull.
 */
final class TlsSocketCopy {

    private static final int WRITE_BYTES = 1 << 20;

    private TlsSocketCopy() {
    }

    /** Seconds to copy {@code bytes} over mutual TLS in 1 MiB writes, from the first write to the last byte read. */
    static double seconds(CertificateFolder certs, String site, long bytes) throws Exception {
        SslContext server = GrpcSslContexts.configure(SslContextBuilder.forServer(
                        certs.coordinatorCert().toFile(), certs.coordinatorKey().toFile()))
                .trustManager(certs.caCert().toFile()).clientAuth(ClientAuth.REQUIRE).build();
        SslContext client = TlsCredentials.site(certs, site);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            CompletableFuture<Long> received = new CompletableFuture<>();
            Channel listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(server.newHandler(ch.alloc()), new Counter(bytes, received));
                        }
                    }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            Channel ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(2 << 20, 4 << 20))
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(client.newHandler(c.alloc(), "localhost", 0));
                        }
                    }).connect(listening.localAddress()).sync().channel();
            ch.pipeline().get(SslHandler.class).handshakeFuture().sync();
            ByteBuf zeros = Unpooled.directBuffer(WRITE_BYTES).writeZero(WRITE_BYTES);
            long t0 = System.nanoTime();
            for (long left = bytes; left > 0; left -= WRITE_BYTES) {
                int n = (int) Math.min(WRITE_BYTES, left);
                ch.write(zeros.retainedSlice(0, n));
                if (!ch.isWritable()) {
                    // Wait for the socket to drain, or SslHandler would encrypt everything into memory at once.
                    ch.flush();
                    while (!ch.isWritable() && ch.isActive()) {
                        LockSupport.parkNanos(20_000);
                    }
                }
            }
            ch.flush();
            long got = received.get(10, TimeUnit.MINUTES);
            double secs = (System.nanoTime() - t0) / 1e9;
            zeros.release();
            ch.close().sync();
            listening.close().sync();
            if (got != bytes) {
                throw new IllegalStateException("TLS copy got " + got + " of " + bytes + " bytes");
            }
            return secs;
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** Counts decrypted bytes and completes once all have arrived. */
    private static final class Counter extends ChannelInboundHandlerAdapter {
        private final long expected;
        private final CompletableFuture<Long> done;
        private long got;

        Counter(long expected, CompletableFuture<Long> done) {
            this.expected = expected;
            this.done = done;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf b = (ByteBuf) msg;
            got += b.readableBytes();
            b.release();
            if (got >= expected) {
                done.complete(got);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            done.completeExceptionally(cause);
        }
    }
}
