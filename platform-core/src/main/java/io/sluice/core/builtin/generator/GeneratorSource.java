package io.sluice.core.builtin.generator;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.spark.streaming.api.java.JavaDStream;

import io.sluice.api.delivery.SourceDelivery;
import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import io.sluice.api.source.Positions;
import io.sluice.api.source.Source;
import io.sluice.api.source.SourceContext;
import io.sluice.api.source.SourcePositions;
import scala.reflect.ClassTag$;

/**
 * A {@code generator} source on the driver. Resumes from the stored position (the next sequence
 * number) when the runtime has one, otherwise starts at record 0.
 */
public final class GeneratorSource implements Source {
    /** The generator's only partition name in {@link Positions} and record origins. */
    public static final String PARTITION = "generator";

    private final GeneratorOptions options;
    private final Clock clock;
    private GeneratorPositions positions;

    GeneratorSource(GeneratorOptions options, Clock clock) {
        this.options = requireNonNull(options, "options is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public JavaDStream<Record> open(SourceContext context) {
        requireNonNull(context, "context is null");
        long first = context.storedPositions().flatMap(stored -> stored.next(PARTITION))
                .map(GeneratorSource::parseSequence)
                .orElse(0L);
        // Without a start time, stamp the first record of this run "now" while keeping
        // timestamps a function of the sequence number within the run.
        long startMillis = options.startTime()
                .map(Instant::toEpochMilli)
                .orElseGet(() -> clock.millis() - first * 1000 / options.rate());
        GeneratorLines lines = new GeneratorLines(options.seed(), options.rate(), startMillis, options.levels(),
                options.levelWeights(), options.hosts());
        GeneratorPositions opened = new GeneratorPositions();
        GeneratorInputDStream stream = new GeneratorInputDStream(context.streamingContext().ssc(), lines,
                context.sourceName(), options.rate(), options.partitions(), first, options.limit(), opened);
        this.positions = opened;
        return new JavaDStream<>(stream, ClassTag$.MODULE$.apply(Record.class));
    }

    private static long parseSequence(String position) {
        try {
            long sequence = Long.parseLong(position);
            if (sequence >= 0) {
                return sequence;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw SluiceException.user("stored position [" + position + "] of partition [" + PARTITION
                + "] is not a sequence number; clear the stored positions of this source");
    }

    @Override
    public SourceDelivery delivery() {
        return SourceDelivery.REPLAYABLE;
    }

    @Override
    public Optional<SourcePositions> positions() {
        return Optional.ofNullable(positions);
    }

    @Override
    public String toString() {
        return "GeneratorSource" + options;
    }
}
