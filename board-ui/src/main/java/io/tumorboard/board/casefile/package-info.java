/**
 * The case file a board member reads: pseudonymous key (and the site's display identity for clinicians), a
 * timeline, staging with edition and source, imaging with radiomics and RECIST 1.1 where lesions were measured,
 * report text with the extracted facts highlighted at their spans (always HTML-escaped), clinical facts, the
 * model panel, the flags panel and similar past cases with their decisions. Every view is audited.
 */
package io.tumorboard.board.casefile;
