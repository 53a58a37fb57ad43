/**
 * Demo and test data: realistic lung-cancer cases (flags, clinical and pathological staging, reports with
 * extracted-fact spans, imaging with radiomics and RECIST measurements) written through the case store's own
 * table layout, and, under the {@code demo} profile only, demo users whose passwords the login page publishes.
 */
package io.tumorboard.board.demo;
