package io.tumorboard.model.rules.staging;

import io.tumorboard.model.cases.AjccEdition;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of grouping one T, N and M under one edition: either a stage group, or an explicit statement of
 * why no group can be given. A caller can never mistake "could not stage" for a stage.
 */
public sealed interface StageResult permits StageResult.Staged, StageResult.CannotStage {

    AjccEdition edition();

    /**
     * A stage group.
     *
     * @param edition the edition the group belongs to
     * @param group the group as the edition names it, e.g. {@code IIIA}, {@code IA2}, {@code 0}, {@code OCCULT}
     * @param note how the group was reached when a category was not fully specified (e.g. "T2 without
     *     subcategory: every subcategory gives IIIA"); empty otherwise
     */
    record Staged(AjccEdition edition, String group, String note) implements StageResult {
        public Staged {
            Objects.requireNonNull(group, "group");
            note = note == null ? "" : note;
        }
    }

    /**
     * No stage group.
     *
     * @param edition the edition asked for
     * @param reason the kind of reason
     * @param explanation one sentence a reader understands, naming the offending code
     * @param candidateGroups the groups still possible when a category is unknown or not subdivided (empty
     *     when the combination is invalid)
     * @param candidatesComplete whether every possibility has a group among the candidates; false when some of
     *     the categories the detail allows are not in the table at all (e.g. T0 NX M0: only N3 is staged)
     */
    record CannotStage(AjccEdition edition, Reason reason, String explanation, Set<String> candidateGroups,
            boolean candidatesComplete) implements StageResult {
        public CannotStage {
            Objects.requireNonNull(reason, "reason");
            candidateGroups = candidateGroups == null ? Set.of() : Set.copyOf(candidateGroups);
        }

        CannotStage(AjccEdition edition, Reason reason, String explanation) {
            this(edition, reason, explanation, Set.of(), false);
        }
    }

    /** Why a combination cannot be staged. */
    enum Reason {
        /** The edition is missing or unknown: a stage is never regrouped under a guessed edition. */
        UNKNOWN_EDITION,
        /** A code that is no T, N or M category at all (e.g. {@code T9}, SEER's {@code 88}). */
        UNRECOGNISED_CODE,
        /** A real category that the edition does not define (e.g. {@code T1c} under the 7th edition). */
        CODE_OUTSIDE_EDITION,
        /** A combination the edition forbids or that contradicts itself (e.g. {@code Tis N2}). */
        INVALID_COMBINATION,
        /** Valid categories whose combination the edition's table does not list (e.g. {@code T0 N1 M0}). */
        NOT_IN_TABLE,
        /** A category is unknown ({@code TX}, {@code NX}) or lacks its subcategory, and the groups differ. */
        INSUFFICIENT_DETAIL
    }
}
