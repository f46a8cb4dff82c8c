package io.sluice.core.builtin.filter;

import java.math.MathContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import org.apache.commons.jexl3.JexlArithmetic;

/**
 * JEXL's arithmetic with compiled patterns for {@code =~} and {@code !~}. JEXL matches a string
 * pattern with {@link String#matches}, which compiles the pattern on every call, i.e. per record;
 * here patterns are compiled once and kept in a bounded per-JVM cache. The cache stops growing at
 * {@link #MAX_CACHED_PATTERNS}: patterns written in expressions are few, and patterns that come
 * from field values, which could be unbounded, then fall back to compiling per call.
 */
final class JexlFilterArithmetic extends JexlArithmetic {
    static final int MAX_CACHED_PATTERNS = 256;

    private static final ConcurrentMap<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    JexlFilterArithmetic(boolean strict) {
        super(strict);
    }

    private JexlFilterArithmetic(boolean strict, MathContext context, int scale) {
        super(strict, context, scale);
    }

    @Override
    protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
        return new JexlFilterArithmetic(strict, context, scale);
    }

    /** {@code value =~ container}: for a string container, a whole-text regular-expression match, as in JEXL. */
    @Override
    public Boolean contains(Object container, Object value) {
        if (container instanceof CharSequence regex && value != null) {
            return pattern(regex.toString()).matcher(value.toString()).matches();
        }
        return super.contains(container, value);
    }

    private static Pattern pattern(String regex) {
        Pattern pattern = PATTERNS.get(regex);
        if (pattern == null) {
            pattern = Pattern.compile(regex);
            if (PATTERNS.size() < MAX_CACHED_PATTERNS) {
                PATTERNS.putIfAbsent(regex, pattern);
            }
        }
        return pattern;
    }
}
