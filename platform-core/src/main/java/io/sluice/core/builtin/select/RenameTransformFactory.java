package io.sluice.core.builtin.select;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/** Creates {@code rename} transforms, which give fields new names and keep them in place. */
public final class RenameTransformFactory implements TransformFactory {
    static final OptionSpec<Map<String, Object>> FIELDS = OptionSpec.object("fields").required()
            .doc("Fields to rename, as { old-name = new-name }; a field a record lacks is ignored, "
                    + "and a renamed field replaces a field that already has its new name");

    private static final OptionSpecs SPECS = OptionSpecs.of(FIELDS);

    @Inject
    public RenameTransformFactory() {
    }

    @Override
    public String type() {
        return "rename";
    }

    @Override
    public String description() {
        return "Renames fields, keeping their positions";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public RecordTransform create(Options options, PluginContext context) {
        Map<String, Object> raw = options.get(FIELDS);
        List<OptionProblem> problems = new ArrayList<>();
        if (raw.isEmpty()) {
            problems.add(new OptionProblem(FIELDS.key(), "must not be empty"));
        }
        Map<String, String> renames = new LinkedHashMap<>();
        Map<String, String> sourceByTarget = new HashMap<>();
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            String from = entry.getKey();
            if (!(entry.getValue() instanceof String to) || to.isBlank()) {
                problems.add(new OptionProblem(FIELDS.key(), "must give field [" + from + "] a new name, got [" + entry.getValue() + "]"));
                continue;
            }
            String other = sourceByTarget.putIfAbsent(to, from);
            if (other != null) {
                problems.add(new OptionProblem(FIELDS.key(), "renames both [" + other + "] and [" + from + "] to [" + to + "]"));
                continue;
            }
            renames.put(from, to);
        }
        if (!problems.isEmpty()) {
            throw new OptionsException(problems);
        }
        RecordFunction function = new RenameRecordFunction(renames);
        return () -> function;
    }
}
