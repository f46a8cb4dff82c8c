package io.sluice.core.builtin.join;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;

import io.sluice.api.record.Record;
import io.sluice.api.transform.StreamTransform;
import io.sluice.api.transform.StreamTransformContext;
import io.sluice.core.builtin.aggregate.GroupKey;
import io.sluice.core.builtin.aggregate.WindowSpec;

/**
 * Joins two named streams by key. Each side is windowed over the last {@code window} of batches,
 * sliding every batch, and the windows are joined, so a pair is emitted in every batch in which
 * both records are still within their windows. Output records hold the left record's fields,
 * then the right record's; a right field whose name the left side already uses is prefixed with
 * the right stream's name and an underscore. Records without a match on an outer side keep only
 * their own fields. Records with a null key never match.
 */
final class JoinTransform implements StreamTransform {
    /** Which unmatched records are kept. */
    enum How {
        INNER,
        LEFT,
        RIGHT,
        FULL
    }

    private final String left;
    private final String right;
    private final KeyExtractor leftKey;
    private final KeyExtractor rightKey;
    private final WindowSpec window;
    private final How how;

    JoinTransform(String left, String right, List<String> leftKey, List<String> rightKey, WindowSpec window, How how) {
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
        this.leftKey = new KeyExtractor(leftKey);
        this.rightKey = new KeyExtractor(rightKey);
        this.window = requireNonNull(window, "window is null");
        this.how = requireNonNull(how, "how is null");
    }

    @Override
    public JavaDStream<Record> apply(StreamTransformContext context) {
        KeyExtractor lk = leftKey;
        KeyExtractor rk = rightKey;
        String prefix = right + "_";
        JavaPairDStream<GroupKey, Record> leftPairs = windowed(context.stream(left)).mapToPair(record -> new scala.Tuple2<>(lk.keyOf(record), record));
        JavaPairDStream<GroupKey, Record> rightPairs = windowed(context.stream(right)).mapToPair(record -> new scala.Tuple2<>(rk.keyOf(record), record));
        return switch (how) {
            case INNER -> leftPairs.join(rightPairs)
                    .filter(pair -> pair._1() != null)
                    .map(pair -> merge(pair._2()._1(), pair._2()._2(), prefix));
            case LEFT -> leftPairs.leftOuterJoin(rightPairs)
                    .map(pair -> merge(pair._2()._1(), pair._1() == null ? null : pair._2()._2().orNull(), prefix));
            case RIGHT -> rightPairs.leftOuterJoin(leftPairs)
                    .map(pair -> merge(pair._1() == null ? null : pair._2()._2().orNull(), pair._2()._1(), prefix));
            case FULL -> leftPairs.fullOuterJoin(rightPairs)
                    .map(pair -> merge(pair._2()._1().orNull(), pair._2()._2().orNull(), prefix));
        };
    }

    private JavaDStream<Record> windowed(JavaDStream<Record> stream) {
        return window.length().equals(window.slide()) ? stream : stream.window(window.sparkLength(), window.sparkSlide());
    }

    private static Record merge(Record leftRecord, Record rightRecord, String prefix) {
        if (leftRecord == null) {
            return rightRecord;
        }
        if (rightRecord == null) {
            return leftRecord;
        }
        Record.Builder joined = leftRecord.toBuilder().origin(null);
        for (int i = 0; i < rightRecord.fieldCount(); i++) {
            String name = rightRecord.fieldName(i);
            joined.field(leftRecord.has(name) ? prefix + name : name, rightRecord.fieldValue(i));
        }
        return joined.eventTime(Math.max(leftRecord.eventTime(), rightRecord.eventTime())).build();
    }

    /** Reads a record's key fields; null when any of them is null, so it never matches. */
    private record KeyExtractor(List<String> fields) implements Serializable {
        KeyExtractor {
            fields = List.copyOf(fields);
        }

        GroupKey keyOf(Record record) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = record.get(fields.get(i));
                if (values[i] == null) {
                    return null;
                }
            }
            return new GroupKey(values);
        }
    }
}
