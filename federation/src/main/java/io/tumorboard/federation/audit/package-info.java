/**
 * The coordinator's audit trail: every refused connection (no TLS, untrusted or expired certificate,
 * unregistered site) and every refused update (stale, replayed, non-finite, absurd norm, malformed,
 * oversized) as one JSON line, so an operator can see who was turned away and why.
 */
package io.tumorboard.federation.audit;
