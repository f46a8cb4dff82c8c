package io.sluice.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.spark.HashPartitioner;
import org.apache.spark.ShuffleDependency;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.sluice.core.builtin.TestingSpark;
import scala.Tuple2;

/** {@link Rdds} does what the Java API's operations of the same names do. */
@Timeout(120)
class RddsTest {
    private static TestingSpark spark;

    @BeforeAll
    static void startSpark() {
        spark = TestingSpark.start(RddsTest.class);
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void reduceByKeyShufflesPairsPlacedOtherwiseIntoThePartitionersPlaces() {
        HashPartitioner partitioner = new HashPartitioner(3);
        JavaPairRDD<Integer, Long> pairs = Rdds.mapPartitionsToPair(numbers(1000, 4),
                each -> new MappingIterator<>(each, n -> new Tuple2<>(n % 7, 1L)), false);

        JavaPairRDD<Integer, Long> reduced = Rdds.reduceByKey(pairs, Long::sum, partitioner);

        assertThat(shuffles(reduced)).isEqualTo(1);
        assertThat(reduced.partitioner().orNull()).isEqualTo(partitioner);
        assertThat(sortedMap(reduced)).isEqualTo(expectedCounts(1000, 7));
        List<List<Integer>> keysByPartition = Rdds.runPerPartition(reduced, (task, records) -> {
            List<Integer> keys = new ArrayList<>();
            records.forEachRemaining(pair -> keys.add(pair._1()));
            return keys;
        });
        for (int partition = 0; partition < keysByPartition.size(); partition++) {
            for (int key : keysByPartition.get(partition)) {
                assertThat(partitioner.getPartition(key)).as("partition of key %s", key).isEqualTo(partition);
            }
        }
    }

    @Test
    void reduceByKeyCombinesPairsAlreadyPlacedByThePartitionerWithoutAShuffle() {
        HashPartitioner partitioner = new HashPartitioner(2);
        JavaPairRDD<Integer, Long> placed = Rdds.mapPartitionsToPair(numbers(1000, 4),
                each -> new MappingIterator<>(each, n -> new Tuple2<>(n % 5, (long) n)), false).partitionBy(partitioner);

        JavaPairRDD<Integer, Long> reduced = Rdds.reduceByKey(placed, Long::sum, partitioner);

        assertThat(shuffles(reduced)).as("only partitionBy's").isEqualTo(1);
        assertThat(reduced.partitioner().orNull()).isEqualTo(partitioner);
        Map<Integer, Long> sums = new TreeMap<>();
        IntStream.range(0, 1000).forEach(n -> sums.merge(n % 5, (long) n, Long::sum));
        assertThat(sortedMap(reduced)).isEqualTo(sums);
    }

    @Test
    void mapPartitionsKeepsThePartitioningOnlyWhenAsked() {
        JavaPairRDD<Integer, Long> placed = Rdds.mapPartitionsToPair(numbers(10, 2),
                each -> new MappingIterator<>(each, n -> new Tuple2<>(n, 1L)), false).partitionBy(new HashPartitioner(2));

        assertThat(Rdds.mapPartitions(placed, each -> each, true).partitioner().isPresent()).isTrue();
        assertThat(Rdds.mapPartitions(placed, each -> each, false).partitioner().isPresent()).isFalse();
    }

    @Test
    void runPerPartitionReturnsOneResultPerPartitionInPartitionOrder() {
        List<String> results = Rdds.runPerPartition(numbers(100, 4), (task, records) -> {
            int count = 0;
            for (; records.hasNext(); records.next()) {
                count++;
            }
            return task.partitionId() + ":" + count;
        });

        assertThat(results).containsExactly("0:25", "1:25", "2:25", "3:25");
    }

    @Test
    void aCheckedExceptionFromAFunctionFailsTheJobWithItAsTheCause() {
        assertThatThrownBy(() -> Rdds.runPerPartition(numbers(10, 2), (task, records) -> {
            throw new IOException("the target is gone");
        }))
                .rootCause()
                .isInstanceOf(IOException.class)
                .hasMessage("the target is gone");
    }

    private static JavaRDD<Integer> numbers(int count, int partitions) {
        return spark.sparkContext().parallelize(IntStream.range(0, count).boxed().toList(), partitions);
    }

    private static Map<Integer, Long> expectedCounts(int count, int keys) {
        Map<Integer, Long> counts = new TreeMap<>();
        IntStream.range(0, count).forEach(n -> counts.merge(n % keys, 1L, Long::sum));
        return counts;
    }

    private static Map<Integer, Long> sortedMap(JavaPairRDD<Integer, Long> pairs) {
        Map<Integer, Long> map = new TreeMap<>();
        for (Tuple2<Integer, Long> pair : pairs.collect()) {
            assertThat(map.put(pair._1(), pair._2())).as("key %s once", pair._1()).isNull();
        }
        return map;
    }

    /** Shuffle dependencies in the lineage of {@code pairs}. */
    private static int shuffles(JavaPairRDD<?, ?> pairs) {
        int shuffles = 0;
        List<org.apache.spark.rdd.RDD<?>> pending = new ArrayList<>(List.of(pairs.rdd()));
        while (!pending.isEmpty()) {
            org.apache.spark.rdd.RDD<?> rdd = pending.remove(pending.size() - 1);
            for (org.apache.spark.Dependency<?> dependency : scala.collection.JavaConverters.seqAsJavaList(rdd.dependencies())) {
                if (dependency instanceof ShuffleDependency) {
                    shuffles++;
                }
                pending.add(dependency.rdd());
            }
        }
        return shuffles;
    }
}
