package io.tumorboard.pipeline.fhir;

import io.tumorboard.model.cases.StageDescriptor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises a staging value as exporters write it ({@code cT3}, {@code T2a}, {@code pN1}, {@code ypT0},
 * {@code 3C}, {@code Stage IIIA}, SNOMED displays like {@code T2a category (finding)}) to the schema's form:
 * the category without its c/p/yp prefix ({@code T2a}) or a Roman stage group ({@code IIIC}).
 */
final class StageValues {

    private static final Pattern CATEGORY = Pattern.compile(
            "^(?:y?[cpra])?([TNM])([Xx]|IS|is|[0-4](?:mi|[a-dA-D](?:[12])?)?)(?:\\(.*\\))?$");
    private static final Pattern GROUP = Pattern.compile("^(0|IV|I{1,3}|[1-4])([A-Ca-c][1-3]?)?$");
    private static final String[] ROMAN = {"0", "I", "II", "III", "IV"};

    private StageValues() {
    }

    static Optional<String> normalise(StageDescriptor descriptor, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim().replaceAll("(?i)\\s*(category|stage group)?\\s*\\(finding\\)$", "")
                .replaceAll("(?i)^(ajcc\\s+)?stage\\s+", "").replaceAll("\\s+", "");
        if (descriptor == StageDescriptor.GROUP) {
            Matcher m = GROUP.matcher(value.toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                return Optional.empty();
            }
            String base = m.group(1);
            String roman = Character.isDigit(base.charAt(0)) ? ROMAN[base.charAt(0) - '0'] : base;
            return Optional.of(roman + (m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT)));
        }
        Matcher m = CATEGORY.matcher(value);
        if (!m.matches() || !m.group(1).equals(descriptor.name())) {
            return Optional.empty();
        }
        String rest = m.group(2);
        String normalised = rest.equalsIgnoreCase("is") ? "is"
                : Character.isDigit(rest.charAt(0)) ? rest.toLowerCase(Locale.ROOT) : rest.toUpperCase(Locale.ROOT);
        return Optional.of(descriptor.name() + normalised);
    }
}
