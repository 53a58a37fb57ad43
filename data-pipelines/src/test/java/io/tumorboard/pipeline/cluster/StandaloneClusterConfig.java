package io.tumorboard.pipeline.cluster;

import java.nio.file.Path;

/**
 * The {@code config.yaml} of {@link ClusterSubmissionIT}'s standalone session cluster, all on loopback. The
 * TaskManager's memory is given piece by piece because {@code taskmanager.sh} normally computes those pieces and
 * passes them on the command line, and {@code TaskManagerRunner} refuses to start without them.
 */
final class StandaloneClusterConfig {

    private StandaloneClusterConfig() {
    }

    static String yaml(int rpcPort, int restPort, Path tmp) {
        return String.join("\n",
                "execution.target: remote",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + rpcPort,
                "jobmanager.bind-host: 127.0.0.1",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "blob.server.port: 0",
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.rpc.port: 0",
                "taskmanager.data.port: 0",
                "taskmanager.numberOfTaskSlots: 4",
                "taskmanager.cpu.cores: 4",
                "taskmanager.memory.framework.heap.size: 64m",
                "taskmanager.memory.framework.off-heap.size: 64m",
                "taskmanager.memory.task.heap.size: 256m",
                "taskmanager.memory.task.off-heap.size: 0m",
                "taskmanager.memory.network.min: 64m",
                "taskmanager.memory.network.max: 64m",
                "taskmanager.memory.managed.size: 32m",
                "taskmanager.memory.jvm-metaspace.size: 256m",
                "taskmanager.memory.jvm-overhead.min: 128m",
                "taskmanager.memory.jvm-overhead.max: 128m",
                "io.tmp.dirs: " + tmp.toAbsolutePath(),
                "");
    }
}
