package io.sluice.core.plan;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;

/**
 * The shape of a dead-lettered record, the same whichever step rejected it: where it came from,
 * which step failed and why, and the original payload and key. Any sink can store it.
 */
public final class DeadLetters {
    public static final String FAILED_STEP = "failed_step";
    public static final String ERROR = "error";
    public static final String ERROR_CLASS = "error_class";
    public static final String ORIGIN_SOURCE = "origin_source";
    public static final String ORIGIN_PARTITION = "origin_partition";
    public static final String ORIGIN_OFFSET = "origin_offset";
    public static final String BATCH_TIME = "batch_time";
    public static final String PAYLOAD = "payload";

    private DeadLetters() {}

    /** The dead letter for {@code record}, which {@code step} rejected with {@code error} in the batch at {@code batchTime}. */
    public static Record of(Record record, String step, Throwable error, long batchTime) {
        Origin origin = record.origin();
        return Record.builder()
                .key(record.key())
                .payload(record.payload())
                .origin(origin)
                .eventTime(record.eventTime())
                .field(FAILED_STEP, step)
                .field(ERROR, messageOf(error))
                .field(ERROR_CLASS, error.getClass().getName())
                .field(ORIGIN_SOURCE, origin == null ? null : origin.source())
                .field(ORIGIN_PARTITION, origin == null ? null : origin.partition())
                .field(ORIGIN_OFFSET, origin == null || origin.offset() < 0 ? null : origin.offset())
                .field(BATCH_TIME, batchTime)
                .field(PAYLOAD, record.payload() == null ? null : record.payloadAsString())
                .build();
    }

    /** The error's message, or its first stack line when it has none (a bare NullPointerException). */
    static String messageOf(Throwable error) {
        if (error.getMessage() != null) {
            return error.getMessage();
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String[] lines = trace.toString().split("\n");
        return lines.length > 1 ? lines[0] + " " + lines[1].trim() : lines[0];
    }
}
