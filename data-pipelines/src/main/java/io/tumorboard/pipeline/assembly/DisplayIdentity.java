package io.tumorboard.pipeline.assembly;

/**
 * The site-local display identifier (MRN) of a pseudonymous key: written only to the site's own case store.
 *
 * @param caseKey pseudonymous key
 * @param displayId the MRN
 */
public record DisplayIdentity(String caseKey, String displayId) {
}
