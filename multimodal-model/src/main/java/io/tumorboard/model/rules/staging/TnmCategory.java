package io.tumorboard.model.rules.staging;

import java.util.Optional;

/**
 * T, N and M categories as the discrepancy checks compare them: read into one display form ({@code T2a},
 * {@code Tis}, {@code NX}, {@code M1c}) whatever prefix or case the source used, and compared so that a less
 * specific value ({@code T2}) or an unknown one ({@code TX}) never counts as contradicting a more specific one
 * ({@code T2a}).
 */
public final class TnmCategory {

    private TnmCategory() {
    }

    /** The display form, e.g. {@code T2a}; empty when the text is not a category of that descriptor. */
    public static Optional<String> normalise(char descriptor, String text) {
        return TnmCode.parse(descriptor, text).map(code -> TnmCode.display(descriptor, code));
    }

    /** Whether two normalised values of one descriptor can both be true of one tumour. */
    public static boolean compatible(String a, String b) {
        String ca = a.substring(1);
        String cb = b.substring(1);
        if (ca.equals("X") || cb.equals("X") || ca.equals(cb)) {
            return true;
        }
        return ca.startsWith(cb) || cb.startsWith(ca);
    }
}
