package io.tumorboard.model.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PatientKeyTest {

    private static final byte[] SECRET = "a-site-secret-of-enough-length".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSameIdentifierAtTheSameSiteAlwaysGivesTheSameKey() {
        assertThat(new PatientKey("site-a", SECRET).of("MRN-1")).isEqualTo(new PatientKey("site-a", SECRET).of("MRN-1"));
    }

    @Test
    void theKeyRevealsNeitherTheIdentifierNorItsSite() {
        String key = new PatientKey("site-a", SECRET).of("MRN-1");
        assertThat(key).hasSize(32).matches("[0-9a-f]{32}").doesNotContain("MRN").doesNotContain("site");
    }

    @Test
    void anotherSecretOrAnotherSiteGivesAnotherKey() {
        String key = new PatientKey("site-a", SECRET).of("MRN-1");
        assertThat(new PatientKey("site-b", SECRET).of("MRN-1")).isNotEqualTo(key);
        assertThat(new PatientKey("site-a", "another-secret-0123456789".getBytes(StandardCharsets.UTF_8)).of("MRN-1"))
                .isNotEqualTo(key);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new PatientKey("site-a", new byte[8])).hasMessageContaining("16 bytes");
    }
}
