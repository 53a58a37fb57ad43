package io.tumorboard.federation.calibration;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The mask stream two sites share in one exchange: their X25519 shared secret, HKDF-SHA256 with an info that
 * names the run, round, exchange and both sites, gives an AES-256 key; the AES-CTR keystream read as big-endian
 * 64-bit words is the masks. Both sites compute the same stream; neither the coordinator nor a third site can.
 */
final class PairwiseMask {

    /** Domain separation: the same two keys used for anything else never yield these masks. */
    private static final String LABEL = "tumorboard federation v1: pairwise calibration mask";

    private PairwiseMask() {
    }

    /** {@code length} mask words for the pair of {@code low} and {@code high} (site ids, low < high). */
    static long[] words(byte[] sharedSecret, MaskedExchange exchange, String low, String high, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(sharedSecret, null, info(exchange, low, high)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            // A zero counter block is safe: the key is new for every pair and exchange (the info names both), so
            // no keystream is ever used twice.
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            ByteBuffer stream = ByteBuffer.wrap(aes.doFinal(new byte[length * Long.BYTES]));
            long[] words = new long[length];
            stream.asLongBuffer().get(words);
            return words;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always ships AES/CTR", e);
        }
    }

    /** Length-prefixed fields, so that no two different (run, round, exchange, pair) give the same bytes. */
    private static byte[] info(MaskedExchange exchange, String low, String high) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(LABEL);
            out.writeUTF(exchange.runId());
            out.writeInt(exchange.round());
            out.writeUTF(exchange.id());
            out.writeUTF(low);
            out.writeUTF(high);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
    }
}
