package io.sluice.api.option;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's key that seals {@link Secret}s when they are serialized (into Spark
 * checkpoints and task closures). Looked up once per JVM, in order:
 * <ol>
 *   <li>the system property {@code sluice.secret.key}, or the environment variable
 *       {@code SLUICE_SECRET_KEY}: a base64 AES key of 16, 24 or 32 bytes;</li>
 *   <li>the key file named by {@code sluice.secret.key.file}, else {@code $SLUICE_HOME/conf/secret.key},
 *       else {@code ~/.sluice/secret.key}; created with a new random key, readable by its owner
 *       only, when it does not exist.</li>
 * </ol>
 * Every JVM that reads a checkpoint, or runs tasks of the pipeline, needs the same key.
 */
public final class SecretKeys {
    static final String WHERE = "system property sluice.secret.key, environment SLUICE_SECRET_KEY, or the key file "
            + "sluice.secret.key.file / $SLUICE_HOME/conf/secret.key / ~/.sluice/secret.key";

    private static volatile Key current;

    private SecretKeys() {}

    /** A key and its identifier (a short digest, safe to print). */
    record Key(String id, SecretKey key) {
    }

    static Key current() throws InvalidObjectException {
        Key key = current;
        if (key == null) {
            synchronized (SecretKeys.class) {
                key = current;
                if (key == null) {
                    try {
                        key = load();
                    }
                    catch (RuntimeException e) {
                        InvalidObjectException failure = new InvalidObjectException("no key to seal secrets with: " + e.getMessage());
                        failure.initCause(e);
                        throw failure;
                    }
                    current = key;
                }
            }
        }
        return key;
    }

    /** Where the key comes from, for messages. */
    public static String source() {
        return WHERE;
    }

    private static Key load() {
        String configured = System.getProperty("sluice.secret.key", System.getenv("SLUICE_SECRET_KEY"));
        if (configured != null && !configured.isBlank()) {
            return key(Base64.getDecoder().decode(configured.trim()));
        }
        return key(Base64.getDecoder().decode(readOrCreate(keyFile()).trim()));
    }

    private static Path keyFile() {
        String file = System.getProperty("sluice.secret.key.file");
        if (file != null) {
            return Path.of(file);
        }
        String home = System.getProperty("sluice.home", System.getenv("SLUICE_HOME"));
        if (home != null) {
            return Path.of(home, "conf", "secret.key");
        }
        return Path.of(System.getProperty("user.home"), ".sluice", "secret.key");
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, UTF_8);
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String encoded = Base64.getEncoder().encodeToString(bytes);
            Path pending;
            try {
                pending = Files.createTempFile(directory, "secret", ".key",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            catch (UnsupportedOperationException e) {
                pending = Files.createTempFile(directory, "secret", ".key");
            }
            Files.writeString(pending, encoded, UTF_8);
            try {
                // Written whole before it appears, so a JVM starting at the same time never reads half a key.
                Files.move(pending, file);
            }
            catch (FileAlreadyExistsException e) {
                Files.delete(pending);
                return Files.readString(file, UTF_8);
            }
            return encoded;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }

    private static Key key(byte[] bytes) {
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("the secret key must be 16, 24 or 32 bytes, base64-encoded; got " + bytes.length + " bytes");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Key(HexFormat.of().formatHex(digest, 0, 4), new SecretKeySpec(bytes, "AES"));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
