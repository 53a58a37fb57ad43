package io.tumorboard.pipeline.cluster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink cluster in a process of its own, for {@link ClusterSubmissionIT}: a MiniCluster (JobManager, one
 * TaskManager, REST endpoint on a free loopback port) started from Flink's classes only. It writes its REST port
 * to the file named by the first argument and runs until its standard input closes (the test ends it).
 *
 * <p>Four slots: the job runs with parallelism 2, and a cluster with fewer slots than that leaves the tasks
 * SCHEDULED for ever (what an earlier draft of this test ran into with a one-slot cluster).
 */
public final class FlinkClusterProcess {

    private FlinkClusterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path portFile = Path.of(args[0]);
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.BIND_PORT, "0");
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration).setNumTaskManagers(1).setNumSlotsPerTaskManager(4).build())) {
            cluster.start();
            URI rest = cluster.getRestAddress().get();
            // Written whole, then renamed, so the test never reads half a port number.
            Path partial = portFile.resolveSibling(portFile.getFileName() + ".partial");
            Files.writeString(partial, Integer.toString(rest.getPort()), StandardCharsets.US_ASCII);
            Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("Flink cluster REST endpoint " + rest);
            while (System.in.read() >= 0) {
                // runs until the test closes the pipe
            }
        }
    }
}
