package io.tumorboard.pipeline.job;

/** Names of the Flink accumulators a run's counts are read from. */
final class Counters {

    static final String IN = "records-in";
    static final String REJECTED = "records-rejected";
    static final String CASES = "cases-emitted";
    static final String SKIPPED_PREFIX = "skipped: ";
    /** When the first record was read (ms since epoch): a run's start-up ends there. */
    static final String FIRST_READ = "first-record-read-at";

    private Counters() {
    }
}
