package io.sluice.core.builtin.select;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

/**
 * Creates {@code select} transforms, which keep only the listed fields, in the listed order, so
 * sinks that write columns see a fixed schema.
 */
public final class SelectTransformFactory implements TransformFactory {
    static final OptionSpec<List<String>> FIELDS = OptionSpec.stringList("fields").required()
            .doc("Fields to keep, in the order to keep them; all other fields are removed");
    static final OptionSpec<SelectMissingPolicy> MISSING = OptionSpec.oneOf("missing", SelectMissingPolicy.class)
            .defaultValue(SelectMissingPolicy.NULL)
            .doc("What to do when a record lacks a listed field: null outputs it with a null value, error fails the record");

    private static final OptionSpecs SPECS = OptionSpecs.of(FIELDS, MISSING);

    @Inject
    public SelectTransformFactory() {
    }

    @Override
    public String type() {
        return "select";
    }

    @Override
    public String description() {
        return "Keeps only the listed fields, in the listed order";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public RecordTransform create(Options options, PluginContext context) {
        List<String> fields = options.get(FIELDS);
        List<OptionProblem> problems = new ArrayList<>();
        checkFieldNames(FIELDS, fields, problems);
        if (!problems.isEmpty()) {
            throw new OptionsException(problems);
        }
        RecordFunction function = new SelectRecordFunction(fields, options.get(MISSING));
        return () -> function;
    }

    /** Records a problem for an empty list, a blank name or a name listed twice; shared with {@code drop}. */
    static void checkFieldNames(OptionSpec<?> spec, List<String> fields, List<OptionProblem> problems) {
        if (fields.isEmpty()) {
            problems.add(new OptionProblem(spec.key(), "must not be empty"));
        }
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            if (field.isBlank()) {
                problems.add(new OptionProblem(spec.key(), "must not contain a blank name"));
            }
            else if (!seen.add(field)) {
                problems.add(new OptionProblem(spec.key(), "names field [" + field + "] twice"));
            }
        }
    }
}
