package io.tumorboard.board.quality;

/** Record counts summed over every run of one site. */
public record SiteTotals(String site, long runs, long recordsIn, long accepted, long rejected, long skipped,
        long casesWritten) {
}
