/**
 * The model panel's port. {@link io.tumorboard.board.prognosis.PrognosisSource} is what the workbench asks for a
 * case's prognosis; the learning engineer's {@code io.tumorboard.model.learning} API will implement it. Until a
 * model is promoted the only implementation, {@link io.tumorboard.board.prognosis.NoPromotedModel}, answers
 * honestly that there is none: the board never sees an invented number.
 */
package io.tumorboard.board.prognosis;
