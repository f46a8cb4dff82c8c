package io.sluice.core.plan;

import io.sluice.api.error.ErrorKind;
import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;

/** A record a step could not handle, under {@code errors.tolerance = none}: stops the pipeline. */
public final class RecordFailureException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public RecordFailureException(Record record, String step, Throwable cause) {
        super(ErrorKind.USER, false, "record from [" + (record.origin() == null ? "unknown origin" : record.origin())
                + "] failed in " + step + ": " + DeadLetters.messageOf(cause)
                + " (set errors.tolerance = all and a dead-letter sink to keep going)", cause);
    }
}
