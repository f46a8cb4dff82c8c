package io.sluice.core.builtin.select;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import io.sluice.api.option.OptionProblem;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.option.OptionsException;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.RecordTransform;
import io.sluice.api.transform.TransformFactory;

/** Creates {@code drop} transforms, which remove the listed fields and keep the others in their order. */
public final class DropTransformFactory implements TransformFactory {
    static final OptionSpec<List<String>> FIELDS = OptionSpec.stringList("fields").required()
            .doc("Fields to remove; a field a record lacks is ignored");

    private static final OptionSpecs SPECS = OptionSpecs.of(FIELDS);

    @Inject
    public DropTransformFactory() {
    }

    @Override
    public String type() {
        return "drop";
    }

    @Override
    public String description() {
        return "Removes the listed fields";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public RecordTransform create(Options options, PluginContext context) {
        List<String> fields = options.get(FIELDS);
        List<OptionProblem> problems = new ArrayList<>();
        SelectTransformFactory.checkFieldNames(FIELDS, fields, problems);
        if (!problems.isEmpty()) {
            throw new OptionsException(problems);
        }
        RecordFunction function = new DropRecordFunction(fields);
        return () -> function;
    }
}
