/**
 * The REST API for integrations (e.g. the hospital's EHR pulling board decisions, a scheduling system creating
 * meetings and agendas), documented with OpenAPI at {@code /v3/api-docs}. It reads the same views the pages use and
 * writes through the same services, behind the same access matrix and with the same audit entries; decisions keep
 * their optimistic locking (409 on a stale revision). Callers authenticate with HTTP Basic; a write with HTTP Basic
 * and a JSON body needs no CSRF token (see {@code security.ApiClientRequest}). Cases are returned under their
 * pseudonymous key only.
 */
package io.tumorboard.board.api;
