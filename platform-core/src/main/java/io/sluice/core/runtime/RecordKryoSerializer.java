package io.sluice.core.runtime;

import java.time.Instant;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;

/**
 * Kryo form of a {@link Record}, the object Spark shuffles, caches and checkpoints most:
 * a presence byte per optional part, then each field as name, one type tag byte and the value.
 * Kryo's generic serializer cannot handle Java records ({@link Origin}) and would write class
 * names per value; this writes neither.
 */
final class RecordKryoSerializer extends Serializer<Record> {
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte DOUBLE = 3;
    private static final byte BOOLEAN = 4;
    private static final byte TIMESTAMP = 5;
    private static final byte BYTES = 6;

    RecordKryoSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Record record) {
        output.writeString(record.key());
        byte[] payload = record.payload();
        if (payload == null) {
            output.writeVarInt(0, true);
        }
        else {
            output.writeVarInt(payload.length + 1, true);
            output.writeBytes(payload);
        }
        output.writeLong(record.eventTime());
        Origin origin = record.origin();
        output.writeBoolean(origin != null);
        if (origin != null) {
            output.writeString(origin.source());
            output.writeString(origin.partition());
            output.writeLong(origin.offset());
        }
        int count = record.fieldCount();
        output.writeVarInt(count, true);
        for (int i = 0; i < count; i++) {
            output.writeString(record.fieldName(i));
            writeValue(output, record.fieldValue(i));
        }
    }

    private static void writeValue(Output output, Object value) {
        if (value == null) {
            output.writeByte(NULL);
        }
        else if (value instanceof String text) {
            output.writeByte(STRING);
            output.writeString(text);
        }
        else if (value instanceof Long number) {
            output.writeByte(LONG);
            output.writeVarLong(number, false);
        }
        else if (value instanceof Double number) {
            output.writeByte(DOUBLE);
            output.writeDouble(number);
        }
        else if (value instanceof Boolean flag) {
            output.writeByte(BOOLEAN);
            output.writeBoolean(flag);
        }
        else if (value instanceof Instant instant) {
            output.writeByte(TIMESTAMP);
            output.writeVarLong(instant.getEpochSecond(), false);
            output.writeVarInt(instant.getNano(), true);
        }
        else if (value instanceof byte[] bytes) {
            output.writeByte(BYTES);
            output.writeVarInt(bytes.length, true);
            output.writeBytes(bytes);
        }
        else {
            throw new IllegalArgumentException("Record field value of unsupported class " + value.getClass().getName());
        }
    }

    @Override
    public Record read(Kryo kryo, Input input, Class<Record> type) {
        Record.Builder builder = Record.builder().key(input.readString());
        int payloadLength = input.readVarInt(true);
        if (payloadLength > 0) {
            builder.payload(input.readBytes(payloadLength - 1));
        }
        builder.eventTime(input.readLong());
        if (input.readBoolean()) {
            builder.origin(new Origin(input.readString(), input.readString(), input.readLong()));
        }
        int count = input.readVarInt(true);
        for (int i = 0; i < count; i++) {
            String name = input.readString();
            builder.field(name, readValue(input));
        }
        return builder.build();
    }

    private static Object readValue(Input input) {
        byte tag = input.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> input.readString();
            case LONG -> input.readVarLong(false);
            case DOUBLE -> input.readDouble();
            case BOOLEAN -> input.readBoolean();
            case TIMESTAMP -> Instant.ofEpochSecond(input.readVarLong(false), input.readVarInt(true));
            case BYTES -> input.readBytes(input.readVarInt(true));
            default -> throw new IllegalStateException("Unknown record field tag " + tag + "; data written by another Sluice version?");
        };
    }
}
