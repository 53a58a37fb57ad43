package io.tumorboard.board.bench;

/**
 * The figures of one load level.
 *
 * @param users concurrent users
 * @param requests successful case-page requests in the measured window
 * @param errors requests that did not answer 200
 * @param seconds length of the measured window, s
 * @param p50Ms median latency, ms
 * @param p99Ms 99th-percentile latency, ms
 * @param cpuMsPerRequest CPU time of this JVM (the workbench, and the load generator when it runs in this JVM) over
 *                        the measured window per successful request, ms: steadier than latency when other work
 *                        shares the cores
 * @param loadAverage the machine's one-minute load average at the end of the window (other processes included)
 */
public record LoadResult(int users, long requests, long errors, double seconds, double p50Ms, double p99Ms,
        double cpuMsPerRequest, double loadAverage) {

    public double requestsPerSecond() {
        return requests / seconds;
    }
}
