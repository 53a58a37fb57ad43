package io.tumorboard.federation.transport;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.coordinator.RefusedResult;
import io.tumorboard.federation.coordinator.TrainingRun;
import io.tumorboard.federation.security.SiteIdentity;
import javax.net.ssl.SSLSession;

/**
 * Audits the one refusal our services never see: gRPC's deframer rejects a single message above the server's
 * inbound limit (RESOURCE_EXHAUSTED) before any listener or interceptor is called, so an oversized message would
 * otherwise be refused silently. A stream tracer is told every stream's closing status, and who called. It runs
 * on a transport thread, so it takes no lock of the run (a round closing holds it for seconds with a large model):
 * the round is unknown here and written as 0, as for refusals at registration.
 */
final class OversizedMessageAudit extends ServerStreamTracer.Factory {

    /** The start of the description grpc-java gives a message above the inbound limit. */
    private static final String TOO_BIG = "gRPC message exceeds maximum size";

    private final TrainingRun run;

    OversizedMessageAudit(TrainingRun run) {
        this.run = run;
    }

    @Override
    public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
        return new ServerStreamTracer() {
            private volatile String site = "(unknown peer)";

            @Override
            public void serverCallStarted(ServerCallInfo<?, ?> call) {
                SSLSession tls = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
                site = SiteIdentity.siteOf(tls).orElse("(no verified certificate)");
            }

            @Override
            public void streamClosed(Status status) {
                if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED && status.getDescription() != null
                        && status.getDescription().startsWith(TOO_BIG)) {
                    run.audited(new RefusedResult(RefusedResult.Kind.TOO_LARGE, AuditEvent.OVERSIZED_STREAM,
                            "a single message on " + fullMethodName + " exceeded the " + CoordinatorServer.MAX_INBOUND_BYTES
                                    + "-byte limit (" + status.getDescription().substring(TOO_BIG.length()).trim()
                                    + ")"), site, 0);
                }
            }
        };
    }
}
