package io.sluice.api.error;

/**
 * Thrown by a record function when one record cannot be handled (it does not parse, a field is
 * missing or of the wrong type). The runtime sends the record to the dead-letter sink with this
 * message when the pipeline's {@code errors.tolerance} is {@code all}, or stops the pipeline
 * naming the record's origin when it is {@code none}. The message must not quote the record's
 * contents beyond what identifies the problem.
 */
public class RecordException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public RecordException(String message) {
        super(ErrorKind.USER, false, message, null);
    }

    public RecordException(String message, Throwable cause) {
        super(ErrorKind.USER, false, message, cause);
    }
}
