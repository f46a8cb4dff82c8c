package io.sluice.api.error;

/** Whose problem a failure is; decides how it is reported and whether it is retried. */
public enum ErrorKind {
    /** The user can fix it: a configuration value, a record that does not parse. Reported without a stack trace. */
    USER,
    /** An external system failed or refused: a database, a broker, a file system. Often worth retrying. */
    EXTERNAL,
    /** A bug in Sluice or a plugin: an invariant that should have held did not. */
    INTERNAL
}
