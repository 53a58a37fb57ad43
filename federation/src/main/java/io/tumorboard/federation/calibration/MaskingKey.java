package io.tumorboard.federation.calibration;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * A site's X25519 key pair for the masked calibration exchanges of one run, and the masking itself: for every other
 * participant of an exchange, the pair's shared secret is expanded into a stream of 64-bit masks
 * ({@link PairwiseMask}); the site with the lower id adds them, the higher one subtracts them, so each pair's masks
 * cancel in the sum over all participants. The private key never leaves this object.
 */
public final class MaskingKey {

    private final KeyPair pair;
    private final byte[] publicKey;

    private MaskingKey(KeyPair pair) {
        this.pair = pair;
        this.publicKey = pair.getPublic().getEncoded();
    }

    /** A fresh key pair; a site makes one per run. */
    public static MaskingKey generate() {
        try {
            return new MaskingKey(KeyPairGenerator.getInstance("X25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK ships X25519 since Java 11", e);
        }
    }

    /** The public key as X.509 SubjectPublicKeyInfo DER, what a site registers with. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The site's counts masked for {@code exchange}. Refused (IllegalArgumentException) when the exchange does not
     * name this site with this key: masks made with another key would not cancel.
     */
    public MaskedCounts mask(MaskedExchange exchange, String self, long cases, long[] counts) {
        if (exchange.participants().stream().noneMatch(p -> p.site().equals(self)
                && Arrays.equals(p.publicKey(), publicKey))) {
            throw new IllegalArgumentException("exchange " + exchange.id() + " does not name " + self
                    + " with this site's masking key");
        }
        long[] masked = counts.clone();
        for (MaskedExchange.Participant other : exchange.participants()) {
            if (other.site().equals(self)) {
                continue;
            }
            boolean lower = self.compareTo(other.site()) < 0;
            long[] masks = PairwiseMask.words(sharedSecret(other.publicKey()), exchange,
                    lower ? self : other.site(), lower ? other.site() : self, counts.length);
            for (int i = 0; i < masked.length; i++) {
                masked[i] = lower ? masked[i] + masks[i] : masked[i] - masks[i];
            }
        }
        return new MaskedCounts(exchange.id(), cases, masked);
    }

    private byte[] sharedSecret(byte[] otherPublicKey) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(pair.getPrivate());
            agreement.doPhase(decode(otherPublicKey), true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("no shared secret with a participant's masking key: " + e.getMessage(), e);
        }
    }

    /** Checks that {@code encoded} is an X25519 public key (X.509 DER); IllegalArgumentException names why not. */
    public static void requireValid(byte[] encoded) {
        decode(encoded);
    }

    private static PublicKey decode(byte[] encoded) {
        try {
            PublicKey key = KeyFactory.getInstance("XDH").generatePublic(new X509EncodedKeySpec(encoded));
            if (!(key instanceof XECPublicKey xec) || !(xec.getParams() instanceof NamedParameterSpec named)
                    || !named.getName().equalsIgnoreCase("X25519")) {
                throw new IllegalArgumentException("masking key is not an X25519 public key");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("masking key is not an X.509-encoded X25519 public key", e);
        }
    }
}
