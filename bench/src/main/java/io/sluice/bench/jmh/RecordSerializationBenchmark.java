package io.sluice.bench.jmh;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.esotericsoftware.kryo.Kryo;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.core.builtin.parse.ParseTransformFactory;
import io.sluice.core.runtime.SluiceKryoRegistrator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * A parsed log-line {@link Record} written and read back, as Spark does when it shuffles, caches
 * serialized or checkpoints: Spark's Kryo with Sluice's registrator (what Sluice runs); Spark's Kryo
 * with Kryo's generic field serializer for {@link Record} ({@link DefaultKryo}: it needs Java
 * serialization for the {@link Origin} Java record, which Kryo's field serializer cannot build); and
 * Java serialization (Spark's default serializer). ops = records; sizes are printed at set-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordSerializationBenchmark {
    private static final ClassTag<Record> RECORD = ClassTag$.MODULE$.apply(Record.class);

    @Param({"sluice-kryo", "default-kryo", "java"})
    public String serializer;

    private SerializerInstance instance;
    private Record record;
    private ByteBuffer serialized;

    @Setup
    public void setUp() throws Exception {
        List<Record> parsed = new java.util.ArrayList<>();
        BenchFunctions.applyAll(BenchFunctions.function(new ParseTransformFactory(),
                Map.of("format", "csv", "fields", List.of("ts", "host", "level", "message"))), BenchFunctions.csvRecords(1), parsed::add);
        record = parsed.get(0);
        SparkConf conf = new SparkConf(false);
        instance = switch (serializer) {
            case "sluice-kryo" -> new KryoSerializer(conf.set("spark.kryo.registrator", SluiceKryoRegistrator.class.getName())).newInstance();
            case "default-kryo" -> new KryoSerializer(conf.set("spark.kryo.registrator", DefaultKryo.class.getName())).newInstance();
            case "java" -> new JavaSerializer(conf).newInstance();
            default -> throw new IllegalArgumentException(serializer);
        };
        serialized = instance.serialize(record, RECORD);
        Record back = instance.deserialize(serialized.duplicate(), RECORD);
        if (!back.equals(record)) {
            throw new IllegalStateException(serializer + " does not round-trip: " + back);
        }
        System.out.printf("%n%s: %d bytes per record%n", serializer, serialized.remaining());
    }

    /** Kryo's defaults, plus the one registration without which a Record with an origin fails. */
    public static final class DefaultKryo implements KryoRegistrator {
        @Override
        public void registerClasses(Kryo kryo) {
            kryo.register(Origin.class, new com.esotericsoftware.kryo.serializers.JavaSerializer());
        }
    }

    @Benchmark
    public ByteBuffer write() {
        return instance.serialize(record, RECORD);
    }

    @Benchmark
    public Record read() {
        return instance.deserialize(serialized.duplicate(), RECORD);
    }
}
