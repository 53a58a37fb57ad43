/**
 * The data-quality page: the pipeline's runs with their record counts per site, the skipped-record counts by
 * reason, and the dead letters (every rejected record with its file, line and reason). Raw bytes of a dead
 * letter stay in the database; the page shows where to find them, not their content, since they may hold
 * identifiers.
 */
package io.tumorboard.board.quality;
