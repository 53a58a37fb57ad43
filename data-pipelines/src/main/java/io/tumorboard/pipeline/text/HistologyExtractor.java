package io.tumorboard.pipeline.text;

import io.tumorboard.model.cases.ExtractedFact;
import io.tumorboard.model.cases.ExtractedFact.ReportField;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Histology terms of lung and breast carcinoma with their ICD-O-3 morphology codes (WHO/IARC ICD-O-3.2). Terms
 * are matched as patterns that allow OCR's split and joined words ("adeno carcinoma", "squamouscell"). When
 * several terms match, the most specific one (a longer, named subtype) at its first mention wins; in-situ terms
 * lose to invasive ones, since the report's diagnosis is the invasive tumour when both are named.
 */
final class HistologyExtractor {

    private record Term(String name, String morphology, Pattern pattern, int specificity) {
    }

    private static final List<Term> TERMS = List.of(
            term("Adenosquamous carcinoma", "8560/3", "adeno\\s?-?squamous\\s?carcinoma", 5),
            term("Small cell carcinoma", "8041/3", "(?<!non[\\s-])(?<!non)small\\s?cell\\s?(lung\\s)?carcinoma", 4),
            term("Large cell neuroendocrine carcinoma", "8013/3", "large\\s?cell\\s?neuroendocrine", 5),
            term("Large cell carcinoma", "8012/3", "large\\s?cell\\s?(undifferentiated\\s)?carcinoma", 4),
            term("Squamous cell carcinoma", "8070/3",
                    "squam\\s?ous\\s?(cell)?\\s?(carcinoma|ca\\b|cancer|neoplasm)|squamous\\s?carcinoma"
                            // SCC in capitals, as lung pathology abbreviates squamous cell carcinoma (small cell
                            // carcinoma is SCLC there); case-sensitive so that a word "scc" in prose does not count
                            + "|(?-i:\\bSCC\\b)", 4),
            term("Mucinous adenocarcinoma", "8480/3",
                    "mucinous\\s?(bronchiolo-?alveolar\\s)?adeno\\s?carcinoma|mucinous\\s?carcinoma", 5),
            term("Bronchioloalveolar carcinoma", "8250/3", "bronch(io|o)lo?-?\\s?alveolar", 5),
            term("Adenocarcinoma, papillary", "8260/3", "papillary\\s?adeno\\s?carcinoma|adeno\\s?carcinoma,?\\s?(predominantly\\s|mixed\\s)?papillary", 5),
            term("Adenocarcinoma, acinar", "8550/3", "acinar\\s?(predominant\\s)?adeno\\s?carcinoma|adeno\\s?carcinoma,?\\s?(predominantly\\s|mixed\\s)?acinar", 5),
            term("Adenocarcinoma, solid", "8230/3", "solid\\s?(predominant\\s)?adeno\\s?carcinoma|adeno\\s?carcinoma,?\\s?(predominantly\\s|mixed\\s)?solid", 5),
            term("Adenocarcinoma", "8140/3", "adeno\\s?-?carcinoma|adenoca\\b", 3),
            term("Carcinoid tumour", "8240/3", "carcinoid", 4),
            term("Non-small cell carcinoma", "8046/3", "non[\\s-]?small\\s?cell", 2),
            term("Infiltrating duct and lobular carcinoma", "8522/3",
                    "(ductal\\s?and\\s?lobular|lobular\\s?and\\s?ductal|mixed\\s?ductal)", 6),
            term("Infiltrating duct carcinoma", "8500/3",
                    "(infiltrating|invasive)\\s?(mammary\\s)?duct(al)?\\s?(adeno)?carcinoma"
                            + "|duct(al)?\\s?carcinoma,?\\s?(infiltrating|invasive)|\\bIDC\\b", 5),
            term("Lobular carcinoma", "8520/3",
                    "(infiltrating|invasive)\\s?lobular\\s?carcinoma|lobular\\s?carcinoma,?\\s?(infiltrating|invasive)"
                            + "|\\bILC\\b", 5),
            term("Mucinous carcinoma", "8480/3", "colloid\\s?carcinoma", 5),
            term("Medullary carcinoma", "8510/3", "medullary\\s?carcinoma", 5),
            term("Metaplastic carcinoma", "8575/3", "metaplastic\\s?carcinoma", 5),
            term("Ductal carcinoma in situ", "8500/2", "ductal\\s?carcinoma\\s?in\\s?-?situ|\\bDCIS\\b", 1),
            term("Lobular carcinoma in situ", "8520/2", "lobular\\s?carcinoma\\s?in\\s?-?situ|\\bLCIS\\b", 1),
            term("Ductal carcinoma", "8500/3", "duct(al)?\\s?carcinoma(?!\\s?in\\s?-?situ)", 3),
            term("Lobular carcinoma", "8520/3", "lobular\\s?carcinoma(?!\\s?in\\s?-?situ)", 3));

    private static Term term(String name, String morphology, String regex, int specificity) {
        return new Term(name, morphology, Pattern.compile("(?i)" + regex), specificity);
    }

    List<ExtractedFact> extract(String text) {
        Term best = null;
        int bestStart = -1;
        int bestEnd = -1;
        for (Term term : TERMS) {
            Matcher m = term.pattern().matcher(text);
            while (m.find()) {
                if (Negation.isNegated(text, m.start(), m.end())) {
                    continue;
                }
                if (best == null || term.specificity() > best.specificity()
                        || term.specificity() == best.specificity() && m.start() < bestStart) {
                    best = term;
                    bestStart = m.start();
                    bestEnd = m.end();
                }
                break;
            }
        }
        List<ExtractedFact> facts = new ArrayList<>();
        if (best != null) {
            facts.add(new ExtractedFact(ReportField.HISTOLOGY, best.name(), bestStart, bestEnd, false));
            facts.add(new ExtractedFact(ReportField.MORPHOLOGY_CODE, best.morphology(), bestStart, bestEnd, false));
        }
        return facts;
    }
}
