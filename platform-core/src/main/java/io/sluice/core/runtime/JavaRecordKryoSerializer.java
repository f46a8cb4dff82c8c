package io.sluice.core.runtime;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Kryo form of any Java record class: its components in order, read back through the canonical
 * constructor. Spark's Kryo 4 predates records and fails on them, and plugins reasonably use
 * records as values (ranges, keys) in their RDDs.
 */
final class JavaRecordKryoSerializer<T> extends Serializer<T> {
    private final RecordComponent[] components;
    private final Constructor<T> constructor;

    JavaRecordKryoSerializer(Class<T> type) {
        this.components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            components[i].getAccessor().setAccessible(true);
        }
        try {
            this.constructor = type.getDeclaredConstructor(types);
            this.constructor.setAccessible(true);
        }
        catch (NoSuchMethodException e) {
            throw new KryoException("Record " + type.getName() + " has no canonical constructor", e);
        }
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, T value) {
        try {
            for (RecordComponent component : components) {
                kryo.writeClassAndObject(output, component.getAccessor().invoke(value));
            }
        }
        catch (IllegalAccessException | InvocationTargetException e) {
            throw new KryoException("Cannot read a component of " + value.getClass().getName(), e);
        }
    }

    @Override
    public T read(Kryo kryo, Input input, Class<T> type) {
        Object[] values = new Object[components.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = kryo.readClassAndObject(input);
        }
        try {
            return constructor.newInstance(values);
        }
        catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new KryoException("Cannot rebuild a " + type.getName(), e);
        }
    }
}
