package io.sluice.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Java serialization as Spark uses it for task closures and checkpoints of the stream graph
 * (writer factories, record functions, accessor factories): a test round-trips an object to prove
 * it ships, and inspects the bytes to prove what it ships (no clear-text secret).
 */
public final class Serialization {
    private Serialization() {}

    /**
     * Serializes {@code value} and reads it back with the thread's context class loader's view
     * of the classpath (the test's).
     *
     * @throws AssertionError naming the class that is not serializable, as Spark's "Task not serializable" would
     */
    @SuppressWarnings("unchecked")
    public static <T> T roundTrip(T value) {
        byte[] bytes = serialize(value);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (T) in.readObject();
        }
        catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("cannot read back a serialized " + value.getClass().getName() + ": " + e, e);
        }
    }

    /**
     * The serialized form of {@code value}.
     *
     * @throws AssertionError naming the class that is not serializable
     */
    public static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        catch (NotSerializableException e) {
            throw new AssertionError(value.getClass().getName() + " is not serializable: it reaches " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a " + value.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }
}
