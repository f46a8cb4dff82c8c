package io.sluice.core.builtin.console;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.Sink;

/**
 * A {@code console} sink. Prints each batch on the driver, in {@link #commitBatch}, from what the
 * partition writers returned:
 * <pre>
 * -------- Batch 2026-11-30 07:00:05 --------
 * level=ERROR, count=3
 * ...
 * </pre>
 * Batch times are shown in UTC, with milliseconds only when the batch time has some. A trailing
 * {@code ...} line says the batch held more records than the limit. A replayed batch is printed
 * again, so delivery is append.
 */
public final class ConsoleSink implements Sink {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final ConsoleSinkOptions options;

    ConsoleSink(ConsoleSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public PartitionWriterFactory writerFactory() {
        return new ConsoleSinkWriterFactory(options);
    }

    @Override
    public SinkDelivery delivery() {
        return SinkDelivery.APPEND;
    }

    @Override
    public String describe() {
        return "console prints the first " + options.limit() + " records of every batch again on replay";
    }

    @Override
    public void commitBatch(long batchTime, List<Serializable> messages) {
        List<ConsoleSinkPart> parts = new ArrayList<>(messages.size());
        for (Serializable message : messages) {
            parts.add((ConsoleSinkPart) message);
        }
        parts.sort(Comparator.comparingInt(ConsoleSinkPart::partitionId));
        StringBuilder text = new StringBuilder();
        if (System.console() != null) {
            // In a terminal, `sluice run` keeps a status line at the bottom: clear it first, and
            // the next status redraws below this batch.
            text.append("\r\033[2K");
        }
        text.append("-------- Batch ").append(formatTime(batchTime)).append(" --------").append(System.lineSeparator());
        long printed = 0;
        long total = 0;
        for (ConsoleSinkPart part : parts) {
            total += part.total();
            for (String line : part.lines()) {
                if (printed < options.limit()) {
                    text.append(line).append(System.lineSeparator());
                    printed++;
                }
            }
        }
        if (total > printed) {
            text.append("...").append(System.lineSeparator());
        }
        // Read System.out at each batch, not once, so a redirected stream is honoured; one
        // print call keeps a batch in one piece.
        PrintStream out = System.out;
        out.print(text);
        out.flush();
    }

    static String formatTime(long batchTime) {
        Instant time = Instant.ofEpochMilli(batchTime);
        return (batchTime % 1000 == 0 ? SECONDS : MILLIS).format(time);
    }

    @Override
    public String toString() {
        return "ConsoleSink" + options;
    }
}
