package io.sluice.core.builtin.filter;

import java.util.Map;

import io.sluice.api.option.Options;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

/**
 * Measures the per-record cost of a filter expression: not a test, a main class to run by hand.
 * A rough single-thread figure (warm-up, then timed rounds over a small set of records); use JMH in
 * {@code bench} for anything finer. Prints nanoseconds per record for each expression.
 *
 * <pre>{@code
 * java -cp <test classpath> io.sluice.core.builtin.filter.FilterCostHarness [records-per-round]
 * }</pre>
 */
public final class FilterCostHarness {
    private static final String[] EXPRESSIONS = {
            "level == 'ERROR'",
            "level == 'ERROR' && code >= 500",
            "level == 'ERROR' && host =~ 'web.*'",
            "level == 'ERROR' && message.startsWith('disk')",
    };

    private FilterCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Origin origin = new Origin("bench", "", -1);
        Record[] records = {
                Record.builder().origin(origin).field("ts", "t").field("level", "ERROR").field("host", "web-7")
                        .field("message", "disk full").field("code", 503L).build(),
                Record.builder().origin(origin).field("ts", "t").field("level", "INFO").field("host", "db-1")
                        .field("message", "ok").field("code", 200L).build(),
                Record.builder().origin(origin).field("ts", "t").field("level", "ERROR").field("host", "db-2")
                        .field("message", "disk slow").field("code", 500L).build(),
        };
        FilterTransformFactory factory = new FilterTransformFactory();
        for (String expression : EXPRESSIONS) {
            Options options = factory.options().parse(Map.of("expression", expression));
            // The filter factory does not read its context.
            RecordFunction function = factory.create(options, null).function();
            long[] kept = new long[1];
            for (int round = 0; round < 5; round++) {
                kept[0] = 0;
                long start = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    function.apply(records[i % records.length], record -> kept[0]++);
                }
                long elapsed = System.nanoTime() - start;
                if (round >= 2) {
                    System.out.printf("%-50s round %d: %6.1f ns/record (kept %d of %d)%n",
                            expression, round, (double) elapsed / perRound, kept[0], perRound);
                }
            }
        }
    }
}
