package io.tumorboard.board.bench;

import java.lang.management.ManagementFactory;

/** Drives the case page with concurrent signed-in users, closed loop, and measures one level. */
interface LoadGenerator {

    /** Runs {@code users} concurrent users: {@code warmupSeconds} unmeasured, then {@code seconds} measured. */
    LoadResult run(int users, double warmupSeconds, double seconds) throws Exception;

    /** What generates the load and where it runs, for the printed setting and the report. */
    String description();

    /** Whether the CPU time measured in this JVM includes the load generator's. */
    boolean sharesThisJvm();

    /** This JVM's CPU time so far, all threads, ns. */
    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The machine's one-minute load average (every process counts in it). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
