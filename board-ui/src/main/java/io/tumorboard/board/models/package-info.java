/**
 * The models page: reads the federation's model registry folder (one sub-folder per model version, a
 * {@code promoted} file naming the promoted version) and shows each version with what it holds and what is
 * missing. The registry's layout is the board's reading of the federation design; until the federation module
 * writes it, the page says the registry is absent or empty.
 */
package io.tumorboard.board.models;
