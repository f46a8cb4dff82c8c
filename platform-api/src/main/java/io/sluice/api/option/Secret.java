package io.sluice.api.option;

import static java.util.Objects.requireNonNull;

import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * A secret option value (password, key, token). Its {@link #toString()} is {@code [hidden]}, so
 * it never reaches a log or {@code describe} output by accident; call {@link #reveal()} only
 * where the secret is handed to the system that needs it.
 *
 * <p>Plugins may keep secrets in the serializable objects they ship to executors, which Spark
 * also writes into the pipeline's checkpoint. A secret is therefore never serialized in clear
 * text: its serialized form is sealed with AES-GCM under the installation's secret key (see
 * {@link SecretKeys}), and unsealed when read back in a JVM that has the same key.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient String value;

    private Secret(String value) {
        this.value = requireNonNull(value, "value is null");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret in clear text. */
    public String reveal() {
        return value;
    }

    private Object writeReplace() throws ObjectStreamException {
        return SealedSecret.seal(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "[hidden]";
    }
}
