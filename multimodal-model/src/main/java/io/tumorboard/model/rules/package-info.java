/**
 * The clinical rules over a case. {@link io.tumorboard.model.rules.ClinicalRules#evaluate} is what other modules
 * call; it runs the {@code safety} and {@code discrepancy} checks, which build on {@code staging} (edition-aware
 * lung TNM stage grouping) and {@code recist} (RECIST 1.1). {@code evaluation} measures the rules against a
 * cohort's truth. Every rule names its published source beside the code and in the flag it raises, so a board
 * member can check why a flag was raised. Nothing here depends on ND4J or DL4J (an ArchUnit test keeps it so).
 */
package io.tumorboard.model.rules;
