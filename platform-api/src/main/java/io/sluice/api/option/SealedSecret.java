package io.sluice.api.option;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/** The serialized form of a {@link Secret}: AES-GCM ciphertext under the installation's key. */
final class SealedSecret implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TAG_BITS = 128;

    private final String keyId;
    private final byte[] nonce;
    private final byte[] ciphertext;

    private SealedSecret(String keyId, byte[] nonce, byte[] ciphertext) {
        this.keyId = keyId;
        this.nonce = nonce;
        this.ciphertext = ciphertext;
    }

    static SealedSecret seal(String value) throws ObjectStreamException {
        SecretKeys.Key key = SecretKeys.current();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            return new SealedSecret(key.id(), nonce, cipher.doFinal(value.getBytes(UTF_8)));
        }
        catch (GeneralSecurityException e) {
            InvalidObjectException failure = new InvalidObjectException("cannot seal a secret: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    private Object readResolve() throws ObjectStreamException {
        SecretKeys.Key key = SecretKeys.current();
        if (!key.id().equals(keyId)) {
            throw new InvalidObjectException("a secret was sealed with key [" + keyId + "] but this installation's key is ["
                    + key.id() + "]; run with the key that wrote the checkpoint (" + SecretKeys.WHERE + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            return Secret.of(new String(cipher.doFinal(ciphertext), UTF_8));
        }
        catch (GeneralSecurityException e) {
            InvalidObjectException failure = new InvalidObjectException("cannot unseal a secret: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }
}
