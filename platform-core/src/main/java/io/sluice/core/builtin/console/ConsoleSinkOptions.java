package io.sluice.core.builtin.console;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/**
 * The parsed options of a {@code console} sink. Immutable; shipped to executors in the writer factory.
 *
 * @param limit how many records of each batch to print
 * @param format how to print a record
 */
public record ConsoleSinkOptions(int limit, ConsoleSinkFormat format) implements Serializable {
    static final OptionSpec<Integer> LIMIT = OptionSpec.integer("limit").defaultValue(10).atLeast(1)
            .doc("How many records of each batch to print; further records are summarized as ...");
    static final OptionSpec<ConsoleSinkFormat> FORMAT = OptionSpec.oneOf("format", ConsoleSinkFormat.class)
            .defaultValue(ConsoleSinkFormat.FIELDS)
            .doc("fields prints name=value pairs (level=ERROR, count=3); json prints one JSON object per record");

    static final OptionSpecs SPECS = OptionSpecs.of(LIMIT, FORMAT);

    public ConsoleSinkOptions {
        requireNonNull(format, "format is null");
    }

    public static ConsoleSinkOptions parse(Options options) {
        return new ConsoleSinkOptions(options.get(LIMIT), options.get(FORMAT));
    }
}
