package io.sluice.api.error;

import static java.util.Objects.requireNonNull;

/**
 * The exception plugins throw to say whose problem a failure is and whether trying again may help.
 * The runtime retries a failed sink write only when the failure is {@linkplain #isRetriable() retriable}
 * (or is an {@link java.io.IOException}); anything else fails the batch at once.
 *
 * <p>Messages name the thing at fault and the value in brackets, never a secret or a record's
 * contents: {@code "option [batch-size] must be at least [1], got [0]"}.
 */
public class SluiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final boolean retriable;

    public SluiceException(ErrorKind kind, boolean retriable, String message, Throwable cause) {
        super(message, cause);
        this.kind = requireNonNull(kind, "kind is null");
        this.retriable = retriable;
    }

    /** A user error: bad configuration or input the user can correct. Not retriable. */
    public static SluiceException user(String message) {
        return new SluiceException(ErrorKind.USER, false, message, null);
    }

    /** An external system failed; retriable, since such failures are often transient. */
    public static SluiceException external(String message, Throwable cause) {
        return new SluiceException(ErrorKind.EXTERNAL, true, message, cause);
    }

    /** An external system refused in a way retrying cannot fix (authentication, missing table). */
    public static SluiceException externalFatal(String message, Throwable cause) {
        return new SluiceException(ErrorKind.EXTERNAL, false, message, cause);
    }

    /** A broken invariant: a bug. */
    public static SluiceException internal(String message, Throwable cause) {
        return new SluiceException(ErrorKind.INTERNAL, false, message, cause);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** Whether trying the same operation again may succeed. */
    public boolean isRetriable() {
        return retriable;
    }
}
