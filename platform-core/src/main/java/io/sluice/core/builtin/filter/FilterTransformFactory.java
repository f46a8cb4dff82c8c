package io.sluice.core.builtin.filter;

import java.util.List;

import jakarta.inject.Inject;

import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;

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
 * Creates {@code filter} transforms, which keep the records for which a JEXL expression over their
 * fields is true, e.g. {@code level == 'ERROR' && host =~ 'web.*'}. The expression is compiled
 * here, so a syntax error fails {@code sluice validate} with its position.
 */
public final class FilterTransformFactory implements TransformFactory {
    static final OptionSpec<String> EXPRESSION = OptionSpec.string("expression").required()
            .doc("JEXL expression over the record's fields that is true for records to keep, "
                    + "e.g. level == 'ERROR' && message.startsWith('disk'); a missing field reads as null; "
                    + "String methods, size(), =~ (regex match) and math: functions are available");

    private static final OptionSpecs SPECS = OptionSpecs.of(EXPRESSION);

    @Inject
    public FilterTransformFactory() {
    }

    @Override
    public String type() {
        return "filter";
    }

    @Override
    public String description() {
        return "Keeps the records for which an expression over their fields is true";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public RecordTransform create(Options options, PluginContext context) {
        String expression = options.get(EXPRESSION);
        if (expression.isBlank()) {
            throw new OptionsException(List.of(new OptionProblem(EXPRESSION.key(), "must not be blank")));
        }
        JexlExpression compiled;
        try {
            compiled = JexlFilterEngine.compile(expression);
        }
        catch (JexlException e) {
            throw new OptionsException(List.of(new OptionProblem(EXPRESSION.key(),
                    "is not a valid expression: " + JexlFilterEngine.describe(e))));
        }
        RecordFunction function = new FilterRecordFunction(expression, compiled);
        return () -> function;
    }
}
