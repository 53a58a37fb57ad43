package io.tumorboard.pipeline.text;

import io.tumorboard.model.cases.ExtractedFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads every fact the extractors know from one report's text, ordered by where it stands in the text. */
public final class ReportReader {

    private final TnmExtractor tnm = new TnmExtractor();
    private final HistologyExtractor histology = new HistologyExtractor();
    private final SizeExtractor size = new SizeExtractor();
    private final FindingExtractor findings = new FindingExtractor();

    public List<ExtractedFact> read(String text, ReportText.Kind kind) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<ExtractedFact> facts = new ArrayList<>(tnm.extract(text, kind));
        facts.addAll(histology.extract(text));
        facts.addAll(SizeExtractor.asList(size.extract(text)));
        facts.addAll(findings.extract(text, kind));
        facts.sort(Comparator.comparingInt(ExtractedFact::start).thenComparing(f -> f.field().name()));
        return facts;
    }
}
