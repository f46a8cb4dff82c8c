package io.sluice.core.builtin.parse;

import jakarta.inject.Inject;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.RecordTransform;
import io.sluice.api.transform.TransformFactory;

/**
 * Creates {@code parse} transforms, which read a record's payload or a text field as CSV, a JSON
 * object, a regular expression's named groups or {@code key=value} pairs, and add what they read
 * as typed fields. All option checks and pattern compilation happen here, on the driver.
 */
public final class ParseTransformFactory implements TransformFactory {
    @Inject
    public ParseTransformFactory() {
    }

    @Override
    public String type() {
        return "parse";
    }

    @Override
    public String description() {
        return "Parses the payload or a field as csv, json, regex or key=value pairs into typed fields";
    }

    @Override
    public OptionSpecs options() {
        return ParseOptions.SPECS;
    }

    @Override
    public RecordTransform create(Options options, PluginContext context) {
        ParseOptions parsed = ParseOptions.from(options);
        RecordFunction function = new ParseRecordFunction(
                parsed.parser(),
                parsed.from().orElse(null),
                parsed.types(),
                parsed.eventTime().orElse(null),
                parsed.keepPayload());
        return () -> function;
    }
}
