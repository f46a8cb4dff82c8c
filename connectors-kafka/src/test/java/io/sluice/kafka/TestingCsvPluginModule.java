package io.sluice.kafka;

import java.util.List;

import io.sluice.api.error.RecordException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.plugin.PluginModule;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.RecordTransform;
import io.sluice.api.transform.Transform;
import io.sluice.api.transform.TransformFactory;

/**
 * A test-only {@code test-csv} transform: splits the {@code value} field on commas into the named
 * fields. Stands in for the built-in {@code parse} transform until that is merged.
 */
public final class TestingCsvPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerTransform(Factory.class);
    }

    /** {@code type = test-csv, fields = [...]}. */
    public static final class Factory implements TransformFactory {
        static final OptionSpec<List<String>> FIELDS = OptionSpec.stringList("fields").required().doc("Names of the CSV columns");

        @Override
        public String type() {
            return "test-csv";
        }

        @Override
        public String description() {
            return "Test transform: splits the value field on commas";
        }

        @Override
        public OptionSpecs options() {
            return OptionSpecs.of(FIELDS);
        }

        @Override
        public Transform create(Options options, PluginContext context) {
            List<String> fields = options.get(FIELDS);
            RecordFunction split = (record, out) -> {
                String[] columns = record.getString("value").split(",", -1);
                if (columns.length != fields.size()) {
                    throw new RecordException("expected " + fields.size() + " columns, got " + columns.length);
                }
                Record.Builder parsed = record.toBuilder();
                for (int i = 0; i < columns.length; i++) {
                    parsed.field(fields.get(i), columns[i]);
                }
                out.accept(parsed.build());
            };
            return (RecordTransform) () -> split;
        }
    }
}
