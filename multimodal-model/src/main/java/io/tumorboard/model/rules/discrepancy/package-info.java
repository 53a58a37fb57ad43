/**
 * Discrepancy checks: where the sources of one case disagree, each raised as a typed
 * {@link io.tumorboard.model.cases.CaseFlag} with the differing descriptor, both values with their sources and
 * dates, a stable rule id and the rule's published source.
 *
 * <p>Each check is one package-private class with one job (stage conflicts, stage group against T/N/M,
 * laterality, tumour size, histology, response); {@link io.tumorboard.model.rules.discrepancy.DiscrepancyChecks}
 * runs them all. The checks are written for a board's attention span: a difference the course of care explains
 * (re-staging after resection or therapy) is kept apart from a real conflict, a less specific value never
 * contradicts a more specific one, and severity says whether the stage group or treatment would change.
 */
package io.tumorboard.model.rules.discrepancy;
