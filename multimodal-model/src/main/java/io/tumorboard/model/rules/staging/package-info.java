/**
 * Lung (NSCLC) TNM staging, edition by edition.
 *
 * <p>{@link io.tumorboard.model.rules.staging.StageGrouping#group} groups a T, N and M under the AJCC edition
 * they were assigned under (6th, 7th, 8th, 9th) and answers either a stage group or an explicit "cannot stage"
 * with its reason, never a guess: real cohorts mix editions, and a 7th-edition IIIA regrouped under the 8th
 * would silently change a patient's stage. One package-private class holds each edition's table, written from
 * the manual it names; the rules that hold across editions (Tis, occult carcinoma, T0 N0 M0, expanding TX, NX
 * and unsubdivided categories) live once in {@code StageGrouping}.
 * {@link io.tumorboard.model.rules.staging.LungTCategory} derives the 8th-edition T from size and extent, and
 * {@link io.tumorboard.model.rules.staging.StageGroupName} reads documented group names so they can be compared.
 */
package io.tumorboard.model.rules.staging;
