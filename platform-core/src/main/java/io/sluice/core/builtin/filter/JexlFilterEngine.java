package io.sluice.core.builtin.filter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;

import io.sluice.api.record.FieldSet;

/**
 * The one JEXL engine of this JVM for filter expressions. The engine is thread-safe and caches
 * parsed expressions by source, so many functions with the same expression share one parse.
 * Strict: an operator or method applied to {@code null} is an error rather than a silent
 * {@code false}. Expressions are single expressions: no assignment, loops, lambdas, {@code new},
 * pragmas or annotations.
 */
final class JexlFilterEngine {
    /** Names the source in JEXL's messages: {@code expression@1:7 ...}. */
    static final String SOURCE_NAME = "expression";
    private static final String OPERATOR_ERROR_PREFIX = "JEXL error : ";
    private static final String OPERATOR_ERROR_SUFFIX = " error";

    private static final JexlEngine ENGINE = new JexlBuilder()
            .permissions(JexlFilterPermissions.INSTANCE)
            .arithmetic(new JexlFilterArithmetic(true))
            .features(new JexlFeatures()
                    .sideEffect(false)
                    .sideEffectGlobal(false)
                    .loops(false)
                    .lambda(false)
                    .newInstance(false)
                    .pragma(false)
                    .annotation(false)
                    .localVar(false))
            .namespaces(Map.of("math", Math.class))
            .strict(true)
            .safe(false)
            .silent(false)
            .cache(512)
            .create();

    private JexlFilterEngine() {
    }

    /**
     * Parses an expression.
     *
     * @throws JexlException if it does not parse or uses a forbidden feature; {@link #describe}
     *     renders it
     */
    static JexlExpression compile(String source) {
        return ENGINE.createExpression(new JexlInfo(SOURCE_NAME, 1, 1), source);
    }

    /**
     * The fields an expression reads: the first name of each variable it refers to (a record
     * context resolves nothing else).
     */
    static FieldSet fieldsRead(String source) {
        Set<String> fields = new LinkedHashSet<>();
        for (List<String> variable : ENGINE.createScript(new JexlInfo(SOURCE_NAME, 1, 1), source).getVariables()) {
            fields.add(variable.get(0));
        }
        return FieldSet.of(fields);
    }

    /** A JEXL failure as {@code what went wrong at line [l], column [c]}, without JEXL's own prefix. */
    static String describe(JexlException e) {
        String message = e.getMessage();
        // getMessage() starts with "expression@line:column " (or "@line:column " for feature errors);
        // the position is rendered our way instead.
        int space = message.indexOf(' ');
        String detail = space > 0 && message.lastIndexOf('@', space) >= 0 ? message.substring(space + 1) : message;
        // Operator failures (such as division by zero) read "JEXL error : / error".
        if (detail.startsWith(OPERATOR_ERROR_PREFIX) && detail.endsWith(OPERATOR_ERROR_SUFFIX)) {
            detail = "error in operator [" + detail.substring(OPERATOR_ERROR_PREFIX.length(),
                    detail.length() - OPERATOR_ERROR_SUFFIX.length()) + "]";
        }
        JexlInfo info = e.getInfo();
        return info == null ? detail : detail + " at line [" + info.getLine() + "], column [" + info.getColumn() + "]";
    }
}
