/**
 * Reads facts from pathology and radiology report text: histology with its ICD-O-3 morphology, grade, tumour
 * size, pT/pN/pM and cT/cN/cM as written, margins, lymphovascular and pleural invasion, EGFR, ALK, PD-L1 TPS,
 * laterality and documented response. Every fact keeps its character span in the original text, so the board
 * can highlight it. The rules are general patterns over clinical wording (synoptic "Pathological T. T2b." and
 * narrative "pT2a N0"), tolerant of OCR noise (letter O for zero, split words, stray spaces inside tokens);
 * findings are negation-aware in the NegEx manner (Chapman et al., J Biomed Inform 2001): a trigger such as
 * "no", "negative for", "not identified" in the same sentence, within a short window, negates the finding.
 */
package io.tumorboard.pipeline.text;
