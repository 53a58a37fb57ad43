package io.tumorboard.board.quality;

/** A rejected record: which run, which file and line, and why. */
public record DeadLetter(long id, String runId, String site, String sourceFile, long lineNumber, String reasonCode,
        String reason) {
}
