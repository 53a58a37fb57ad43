/**
 * The read-only REST API for integrations (e.g. the hospital's EHR pulling board decisions), documented with
 * OpenAPI at {@code /v3/api-docs}. It answers with the same view the pages use, behind the same access matrix;
 * callers authenticate with HTTP Basic. Cases are returned under their pseudonymous key only.
 */
package io.tumorboard.board.api;
