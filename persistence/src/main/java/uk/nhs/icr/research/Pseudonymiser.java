package uk.nhs.icr.research;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A project's pseudonyms: HMAC-SHA256 of the NHS number under a key of the project's own, derived with HKDF-SHA256
 * (RFC 5869) from the master secret, the project's reference and its key version. The same patient has the same
 * pseudonym within a project (and key version) and pseudonyms unlinkable across projects; a new key version
 * re-pseudonymises the next extract. Not thread-safe (one per chunk or thread); the key never leaves it.
 */
public final class Pseudonymiser {

    private static final String HMAC = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    private final Mac mac;

    private Pseudonymiser(byte[] key) {
        try {
            mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The pseudonymiser of one project's key version. */
    public static Pseudonymiser forProject(byte[] masterSecret, String reference, int keyVersion) {
        byte[] info = ("icr-research-pseudonym|" + reference + "|" + keyVersion).getBytes(StandardCharsets.UTF_8);
        return new Pseudonymiser(hkdf(masterSecret, new byte[KEY_BYTES], info, KEY_BYTES));
    }

    /** The pseudonym of an identifier (an NHS number, or an entry's own key): 64 hex digits. */
    public String pseudonym(String identifier) {
        return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
    }

    /** HKDF-SHA256, extract then expand (RFC 5869). */
    static byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length) {
        try {
            Mac extract = Mac.getInstance(HMAC);
            extract.init(new SecretKeySpec(salt.length == 0 ? new byte[KEY_BYTES] : salt, HMAC));
            byte[] pseudorandomKey = extract.doFinal(inputKey);
            Mac expand = Mac.getInstance(HMAC);
            expand.init(new SecretKeySpec(pseudorandomKey, HMAC));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            int written = 0;
            for (int counter = 1; written < length; counter++) {
                expand.update(block);
                expand.update(info);
                expand.update((byte) counter);
                block = expand.doFinal();
                int take = Math.min(block.length, length - written);
                System.arraycopy(block, 0, out, written, take);
                written += take;
            }
            Arrays.fill(pseudorandomKey, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
