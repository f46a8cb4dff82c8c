package io.sluice.core.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.serializer.KryoRegistrator;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.factories.SerializerFactory;
import com.esotericsoftware.kryo.serializers.JavaSerializer;

import io.sluice.api.record.Record;

/**
 * Registers Sluice's compact Kryo form of {@link Record}, and a serializer for every Java record
 * class (which Spark's Kryo cannot handle); named by {@code spark.kryo.registrator}.
 */
public final class SluiceKryoRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(Record.class, new RecordKryoSerializer());
        kryo.addDefaultSerializer(java.lang.Record.class, new JavaRecords());
        // Kryo rebuilds collections by add/put, which the JDK's unmodifiable ones refuse; their
        // Java serialization form is compact and exact. They appear in commit messages and options.
        for (Object unmodifiable : List.of(List.of(), List.of(1), List.of(1, 2, 3), Set.of(), Set.of(1), Set.of(1, 2, 3),
                Map.of(), Map.of(1, 1), Map.of(1, 1, 2, 2),
                Collections.unmodifiableList(new ArrayList<>()), Collections.unmodifiableList(new LinkedList<>()),
                Collections.unmodifiableSet(new HashSet<>()), Collections.unmodifiableSortedSet(new TreeSet<>()),
                Collections.unmodifiableMap(new HashMap<>()), Collections.unmodifiableSortedMap(new TreeMap<>()),
                Collections.unmodifiableCollection(new ArrayList<>()))) {
            kryo.register(unmodifiable.getClass(), new JavaSerializer());
        }
    }

    private static final class JavaRecords implements SerializerFactory {
        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Serializer makeSerializer(Kryo kryo, Class type) {
            return new JavaRecordKryoSerializer(type);
        }
    }
}
