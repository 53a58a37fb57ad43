package io.tumorboard.board.flag;

import io.tumorboard.model.cases.CaseFlag;
import java.util.List;

/**
 * A flag as the panel shows it, with its reviews (newest last).
 *
 * @param id the stable id reviews refer to
 * @param flag the flag from the case
 * @param reviews its reviews
 */
public record FlagView(String id, CaseFlag flag, List<FlagReview> reviews) {

    /** Rule id and descriptor identify a flag across case versions (the summary text may be reworded). */
    public static String idOf(CaseFlag flag) {
        return flag.ruleId() + ":" + flag.descriptor();
    }

    public FlagReview lastReview() {
        return reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
    }
}
