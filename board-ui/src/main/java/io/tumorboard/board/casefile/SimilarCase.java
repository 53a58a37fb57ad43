package io.tumorboard.board.casefile;

import io.tumorboard.board.decision.BoardDecision;
import io.tumorboard.board.store.CaseSummary;
import java.util.List;

/**
 * A past case near this one, with the board's signed decisions on it.
 *
 * @param summary the past case
 * @param matchedOn what made it similar, e.g. {@code histology, stage IIIA}
 * @param decisions its signed decisions, newest first
 */
public record SimilarCase(CaseSummary summary, String matchedOn, List<BoardDecision> decisions) {
}
