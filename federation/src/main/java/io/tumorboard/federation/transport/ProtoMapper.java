package io.tumorboard.federation.transport;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.tumorboard.federation.calibration.MaskedCounts;
import io.tumorboard.federation.calibration.MaskedExchange;
import io.tumorboard.federation.coordinator.RefusedResult;
import io.tumorboard.federation.run.RunConfiguration;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.Strategy;
import io.tumorboard.federation.run.TaskKind;
import io.tumorboard.federation.v1.CalibrationPlan;
import io.tumorboard.federation.v1.Encoding;
import io.tumorboard.federation.v1.ModelHeader;
import io.tumorboard.federation.v1.MaskingParticipant;
import io.tumorboard.federation.v1.ResultHeader;
import io.tumorboard.federation.v1.RunConfig;
import io.tumorboard.federation.v1.TensorSpec;
import io.tumorboard.federation.weights.ModelLayout;
import io.tumorboard.federation.weights.PayloadHeader;
import io.tumorboard.federation.weights.TensorShape;
import io.tumorboard.federation.weights.UpdateEncoding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where generated protobuf types meet domain types, in both directions, and where domain
 * refusals become gRPC statuses. Malformed wire input becomes {@link IllegalArgumentException} naming the
 * field, which the service answers as INVALID_ARGUMENT.
 */
final class ProtoMapper {

    private ProtoMapper() {
    }

    static RunConfig toProto(RunConfiguration c) {
        return RunConfig.newBuilder().setRunId(c.runId()).setRounds(c.rounds()).setSitesPerRound(c.sitesPerRound())
                .setMinSites(c.minSites()).setRoundTimeoutMs(c.roundTimeout().toMillis()).setLocalEpochs(c.localEpochs())
                .setLearningRate(c.learningRate()).setStrategy(toProto(c.strategy())).setProximalMu(c.proximalMu())
                .setUpdateEncoding(toProto(c.updateEncoding())).setMaxUpdateNorm(c.maxUpdateNorm()).setSeed(c.seed())
                .setTrimFraction(c.trimFraction()).setServerLearningRate(c.serverLearningRate())
                .setAdamBeta1(c.adamBeta1()).setAdamBeta2(c.adamBeta2()).setAdamTau(c.adamTau())
                .setDpClipNorm(c.dpClipNorm()).setDpNoiseMultiplier(c.dpNoiseMultiplier()).setDpDelta(c.dpDelta())
                .build();
    }

    static RunConfiguration fromProto(RunConfig p) {
        return new RunConfiguration(p.getRunId(), p.getRounds(), p.getSitesPerRound(), p.getMinSites(),
                Duration.ofMillis(p.getRoundTimeoutMs()), p.getLocalEpochs(), p.getLearningRate(),
                fromProto(p.getStrategy()), p.getProximalMu(), fromProto(p.getUpdateEncoding()), p.getMaxUpdateNorm(),
                p.getSeed(), p.getTrimFraction(), p.getServerLearningRate(), p.getAdamBeta1(), p.getAdamBeta2(),
                p.getAdamTau(), p.getDpClipNorm(), p.getDpNoiseMultiplier(), p.getDpDelta());
    }

    static io.tumorboard.federation.v1.Strategy toProto(Strategy s) {
        return io.tumorboard.federation.v1.Strategy.valueOf(s.name());
    }

    static Strategy fromProto(io.tumorboard.federation.v1.Strategy s) {
        if (s == io.tumorboard.federation.v1.Strategy.STRATEGY_UNSPECIFIED
                || s == io.tumorboard.federation.v1.Strategy.UNRECOGNIZED) {
            throw new IllegalArgumentException("run config strategy is missing or unknown");
        }
        return Strategy.valueOf(s.name());
    }

    static Encoding toProto(UpdateEncoding e) {
        return Encoding.valueOf(e.name());
    }

    static UpdateEncoding fromProto(Encoding e) {
        if (e == Encoding.ENCODING_UNSPECIFIED || e == Encoding.UNRECOGNIZED) {
            throw new IllegalArgumentException("encoding is missing or unknown");
        }
        return UpdateEncoding.valueOf(e.name());
    }

    static ModelHeader toProto(PayloadHeader h) {
        ModelHeader.Builder b = ModelHeader.newBuilder().setEncoding(toProto(h.encoding()))
                .setTotalBytes(h.totalBytes()).setSha256(ByteString.copyFrom(h.sha256()));
        float[] scales = h.scales();
        List<TensorShape> tensors = h.layout().tensors();
        for (int t = 0; t < tensors.size(); t++) {
            TensorSpec.Builder spec = TensorSpec.newBuilder().setName(tensors.get(t).name());
            for (long d : tensors.get(t).dims()) {
                spec.addShape(d);
            }
            if (h.encoding() == UpdateEncoding.INT8) {
                spec.setScale(scales[t]);
            }
            b.addTensors(spec);
        }
        return b.build();
    }

    static PayloadHeader fromProto(ModelHeader h) {
        if (h.getTensorsCount() == 0) {
            throw new IllegalArgumentException("model header lists no tensors");
        }
        List<TensorShape> shapes = new ArrayList<>();
        float[] scales = new float[h.getTensorsCount()];
        for (int t = 0; t < h.getTensorsCount(); t++) {
            TensorSpec s = h.getTensors(t);
            long[] dims = s.getShapeList().stream().mapToLong(Long::longValue).toArray();
            shapes.add(new TensorShape(s.getName(), dims));
            scales[t] = s.getScale();
        }
        if (h.getSha256().size() != 32) {
            throw new IllegalArgumentException("model header sha256 must be 32 bytes");
        }
        return new PayloadHeader(new ModelLayout(shapes), fromProto(h.getEncoding()), scales, h.getTotalBytes(),
                h.getSha256().toByteArray());
    }

    static ResultHeader toProto(String runId, SiteReport r, PayloadHeader update) {
        ResultHeader.Builder b = ResultHeader.newBuilder().setRunId(runId).setRound(r.round()).setTaskId(r.taskId())
                .setKind(toProto(r.kind())).setExampleCount(r.exampleCount()).putAllMetrics(r.metrics())
                .setDpEpsilonSpent(r.epsilonSpent());
        if (update != null) {
            b.setUpdate(toProto(update));
        }
        MaskedCounts m = r.masked();
        if (m != null) {
            b.setMaskedCounts(io.tumorboard.federation.v1.MaskedCounts.newBuilder().setExchangeId(m.exchangeId())
                    .setCases(m.cases()).addAllValues(java.util.Arrays.stream(m.values()).boxed().toList()));
        }
        return b.build();
    }

    static io.tumorboard.federation.v1.MaskedExchange toProto(MaskedExchange e) {
        var b = io.tumorboard.federation.v1.MaskedExchange.newBuilder().setExchangeId(e.id());
        e.participants().forEach(p -> b.addParticipants(MaskingParticipant.newBuilder().setSiteId(p.site())
                .setPublicKey(ByteString.copyFrom(p.publicKey()))));
        return b.build();
    }

    /** The exchange a task names; run and round are the task's (they enter every pair's masks). */
    static MaskedExchange fromProto(io.tumorboard.federation.v1.MaskedExchange e, String runId, int round) {
        return new MaskedExchange(runId, round, e.getExchangeId(), e.getParticipantsList().stream()
                .map(p -> new MaskedExchange.Participant(p.getSiteId(), p.getPublicKey().toByteArray())).toList());
    }

    static CalibrationPlan toProto(io.tumorboard.federation.calibration.CalibrationPlan plan) {
        return CalibrationPlan.newBuilder()
                .addAllGroupStartBins(java.util.Arrays.stream(plan.startBins()).boxed().toList()).build();
    }

    static io.tumorboard.federation.calibration.CalibrationPlan fromProto(CalibrationPlan p) {
        return new io.tumorboard.federation.calibration.CalibrationPlan(
                p.getGroupStartBinsList().stream().mapToInt(Integer::intValue).toArray());
    }

    private static MaskedCounts maskedFromProto(ResultHeader h) {
        if (!h.hasMaskedCounts()) {
            return null;
        }
        var m = h.getMaskedCounts();
        return new MaskedCounts(m.getExchangeId(), m.getCases(),
                m.getValuesList().stream().mapToLong(Long::longValue).toArray());
    }

    static SiteReport fromProto(ResultHeader h) {
        for (var m : h.getMetricsMap().entrySet()) {
            if (!Double.isFinite(m.getValue())) {
                throw new IllegalArgumentException("metric " + m.getKey() + " is not finite");
            }
        }
        return new SiteReport(h.getRound(), h.getTaskId(), fromProto(h.getKind()), h.getExampleCount(),
                h.getMetricsMap(), h.getDpEpsilonSpent(), maskedFromProto(h));
    }

    static io.tumorboard.federation.v1.TaskKind toProto(TaskKind k) {
        return io.tumorboard.federation.v1.TaskKind.valueOf(k.name());
    }

    static TaskKind fromProto(io.tumorboard.federation.v1.TaskKind k) {
        if (k == io.tumorboard.federation.v1.TaskKind.TASK_KIND_UNSPECIFIED
                || k == io.tumorboard.federation.v1.TaskKind.UNRECOGNIZED) {
            throw new IllegalArgumentException("task kind is missing or unknown");
        }
        return TaskKind.valueOf(k.name());
    }

    /** The status a refusal is answered with; the description is the refusal's site-safe message. */
    static Status toStatus(RefusedResult r) {
        Status s = switch (r.kind()) {
            case NOT_ADMITTED -> Status.PERMISSION_DENIED;
            case NOT_REGISTERED -> Status.NOT_FOUND;
            case STALE -> Status.FAILED_PRECONDITION;
            case REPLAYED -> Status.ALREADY_EXISTS;
            case INVALID -> Status.INVALID_ARGUMENT;
            case TOO_LARGE -> Status.RESOURCE_EXHAUSTED;
        };
        return s.withDescription(r.getMessage());
    }
}
