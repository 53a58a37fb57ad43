package io.tumorboard.model.rules.staging;

import io.tumorboard.model.cases.AjccEdition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One edition's lung stage-group table: the categories it defines, how an unknown ({@code X}) or unsubdivided
 * category ({@code T2}, {@code M1}) expands into the categories the table is written in, and the table itself
 * over those. Tis, TX N0 M0 (occult carcinoma) and T0 N0 M0 are handled once for every edition by
 * {@link StageGrouping}.
 */
abstract class LungStageTable {

    private final AjccEdition edition;
    private final String source;
    private final Map<Character, Set<String>> vocabulary;
    private final Map<String, List<String>> expansions;

    LungStageTable(AjccEdition edition, String source, Set<String> t, Set<String> n, Set<String> m,
            Map<String, List<String>> expansions) {
        this.edition = edition;
        this.source = source;
        this.vocabulary = Map.of('T', t, 'N', n, 'M', m);
        this.expansions = expansions;
    }

    final AjccEdition edition() {
        return edition;
    }

    /** The published source of the table, named beside every flag that uses it. */
    final String source() {
        return source;
    }

    final boolean defines(char descriptor, String code) {
        return vocabulary.get(descriptor).contains(code);
    }

    /** The table categories a code stands for: itself, or its subcategories, or every category for X. */
    final List<String> leaves(char descriptor, String code) {
        return expansions.getOrDefault(descriptor + code, List.of(code));
    }

    /** The group of fully specified categories; empty when the table does not list the combination. */
    abstract Optional<String> leafGroup(String t, String n, String m);

    static boolean isT1(String t) {
        return t.startsWith("1");
    }

    static boolean isT2(String t) {
        return t.startsWith("2");
    }
}
