package io.tumorboard.model.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonymous patient key: HMAC-SHA256 of the site's own patient identifier under a secret that never
 * leaves the site. Without the secret the key cannot be reversed or recomputed from a guessed identifier.
 */
public final class PatientKey {

    private static final String ALGORITHM = "HmacSHA256";
    /** 128 bits of the MAC, written as 32 hex digits: collision-free at any hospital's scale. */
    private static final int KEY_BYTES = 16;

    private final SecretKeySpec secret;
    private final String site;

    public PatientKey(String site, byte[] siteSecret) {
        this.site = Objects.requireNonNull(site, "site");
        if (siteSecret == null || siteSecret.length < 16) {
            throw new IllegalArgumentException("a site secret needs at least 16 bytes");
        }
        this.secret = new SecretKeySpec(siteSecret.clone(), ALGORITHM);
    }

    /**
     * The key of a simulated demo hospital, whose secret is public on purpose: the demo cohort's {@code truth/}
     * and the pipeline's demo run must agree on keys. Never used for a real site, which configures its own secret.
     */
    public static PatientKey demo(String site) {
        return new PatientKey(site, ("tumorboard-demo-secret-" + site).getBytes(StandardCharsets.UTF_8));
    }

    /** The pseudonymous key of one patient identifier at this site. */
    public String of(String patientIdentifier) {
        Objects.requireNonNull(patientIdentifier, "patientIdentifier");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            mac.update(site.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(patientIdentifier.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, KEY_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }
}
