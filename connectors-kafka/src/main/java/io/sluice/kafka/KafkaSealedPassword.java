package io.sluice.kafka;

import java.io.ObjectStreamException;
import java.io.Serializable;

import org.apache.kafka.common.config.types.Password;

import io.sluice.api.option.Secret;

/**
 * A Kafka {@link Password} that is serialized as a sealed {@link Secret}. Spark keeps the
 * consumer configuration inside the direct stream, which it writes into the checkpoint; Kafka
 * accepts {@code Password} objects for its password-typed settings, so those never reach the
 * checkpoint in clear text.
 */
final class KafkaSealedPassword extends Password implements Serializable {
    private static final long serialVersionUID = 1L;

    KafkaSealedPassword(String value) {
        super(value);
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Sealed(Secret.of(value()));
    }

    /** The serialized form: the sealed secret, turned back into a password when read. */
    private static final class Sealed implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Secret secret;

        Sealed(Secret secret) {
            this.secret = secret;
        }

        private Object readResolve() throws ObjectStreamException {
            return new KafkaSealedPassword(secret.reveal());
        }
    }
}
