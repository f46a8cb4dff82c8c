package io.sluice.core.runtime;

import org.apache.spark.serializer.KryoRegistrator;

import com.esotericsoftware.kryo.Kryo;

import io.sluice.api.record.Record;

/** Registers Sluice's compact Kryo form of {@link Record}; named by {@code spark.kryo.registrator}. */
public final class SluiceKryoRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(Record.class, new RecordKryoSerializer());
    }
}
