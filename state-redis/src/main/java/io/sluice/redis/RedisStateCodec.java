package io.sluice.redis;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.state.StoredState;

/**
 * The bytes a key's state is stored as in Redis: compact, versioned, and readable by every later
 * Sluice. Format 1:
 * <pre>
 *   byte 0      format (1)
 *   bytes 1..8  batch time of the update that wrote it, epoch millis, big-endian
 *   byte 9      kind: 0 = a state record follows, 1 = removed (a tombstone, so a replay stays skipped)
 *   then        the record: flags (key, payload, event time, origin present), those parts, and the
 *               fields as count, then name, type tag and value each; lengths and whole numbers as
 *               (zig-zag) varints, doubles as 8 bytes
 * </pre>
 * Every later format must keep bytes 0..8 as they are: the guard script in Redis reads the batch
 * time from there without knowing the rest, so it never needs to change with the record layout.
 * A new layout gets a new format byte and a new branch in {@link #decode}; old branches stay.
 */
public final class RedisStateCodec {
    /** The format this version writes. */
    public static final byte FORMAT_1 = 1;
    /** Bytes before the kind byte: format and batch time; what the guard script reads. */
    static final int HEADER_LENGTH = 9;

    private static final byte KIND_STATE = 0;
    private static final byte KIND_REMOVED = 1;

    private static final int HAS_KEY = 1;
    private static final int HAS_PAYLOAD = 2;
    private static final int HAS_EVENT_TIME = 4;
    private static final int HAS_ORIGIN = 8;

    private static final byte TAG_NULL = 0;
    private static final byte TAG_STRING = 1;
    private static final byte TAG_LONG = 2;
    private static final byte TAG_DOUBLE = 3;
    private static final byte TAG_FALSE = 4;
    private static final byte TAG_TRUE = 5;
    private static final byte TAG_TIMESTAMP = 6;
    private static final byte TAG_BYTES = 7;

    private RedisStateCodec() {}

    /** Encodes a key's state written by the batch at {@code batchTime}. */
    public static byte[] encode(Record state, long batchTime) {
        Output out = header(batchTime, KIND_STATE);
        int flags = (state.key() != null ? HAS_KEY : 0) | (state.payload() != null ? HAS_PAYLOAD : 0)
                | (state.eventTime() >= 0 ? HAS_EVENT_TIME : 0) | (state.origin() != null ? HAS_ORIGIN : 0);
        out.write(flags);
        if (state.key() != null) {
            out.string(state.key());
        }
        if (state.payload() != null) {
            out.bytes(state.payload());
        }
        if (state.eventTime() >= 0) {
            out.varLong(state.eventTime());
        }
        if (state.origin() != null) {
            out.string(state.origin().source());
            out.string(state.origin().partition());
            out.varLong(zigZag(state.origin().offset()));
        }
        out.varLong(state.fieldCount());
        for (int i = 0; i < state.fieldCount(); i++) {
            out.string(state.fieldName(i));
            value(out, state.fieldValue(i));
        }
        return out.toByteArray();
    }

    /** Encodes a removal by the batch at {@code batchTime}: reads as absent, but still guards against a replay. */
    public static byte[] encodeRemoved(long batchTime) {
        return header(batchTime, KIND_REMOVED).toByteArray();
    }

    /** The batch time in a stored value's header, without decoding the rest. */
    public static long batchTime(byte[] stored) {
        checkHeader(stored);
        return ByteBuffer.wrap(stored, 1, 8).getLong();
    }

    /**
     * Decodes a stored value.
     *
     * @return the state and its batch time, or empty for a removal
     * @throws SluiceException (not retriable) for bytes of an unknown format or that are cut short
     */
    public static Optional<StoredState> decode(byte[] stored) {
        long batchTime = batchTime(stored);
        // One branch per format ever written, kept for good: a later Sluice reads what an earlier one wrote.
        if (stored[0] == FORMAT_1) {
            return decodeFormat1(stored, batchTime);
        }
        throw SluiceException.externalFatal("Redis state has format [" + stored[0]
                + "], which this Sluice does not know; was it written by a newer version?", null);
    }

    private static Optional<StoredState> decodeFormat1(byte[] stored, long batchTime) {
        Input in = new Input(stored, HEADER_LENGTH);
        try {
            byte kind = in.read();
            if (kind == KIND_REMOVED) {
                return Optional.empty();
            }
            if (kind != KIND_STATE) {
                throw new IllegalArgumentException("unknown kind " + kind);
            }
            Record.Builder record = Record.builder();
            int flags = in.read();
            if ((flags & HAS_KEY) != 0) {
                record.key(in.string());
            }
            if ((flags & HAS_PAYLOAD) != 0) {
                record.payload(in.bytes());
            }
            if ((flags & HAS_EVENT_TIME) != 0) {
                record.eventTime(in.varLong());
            }
            if ((flags & HAS_ORIGIN) != 0) {
                record.origin(new Origin(in.string(), in.string(), unZigZag(in.varLong())));
            }
            long count = in.varLong();
            for (long i = 0; i < count; i++) {
                record.field(in.string(), in.value());
            }
            if (in.position != stored.length) {
                throw new IllegalArgumentException((stored.length - in.position) + " bytes left over");
            }
            return Optional.of(new StoredState(record.build(), batchTime));
        }
        catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw SluiceException.externalFatal("Redis state value of format 1 is corrupt: " + e.getMessage(), e);
        }
    }

    private static void checkHeader(byte[] stored) {
        if (stored == null || stored.length < HEADER_LENGTH || stored[0] < 1) {
            throw SluiceException.externalFatal("a Redis value under the state key prefix is not Sluice state ("
                    + (stored == null ? "null" : stored.length + " bytes") + "); is another program using the prefix?", null);
        }
    }

    private static Output header(long batchTime, byte kind) {
        Output out = new Output();
        out.write(FORMAT_1);
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (batchTime >>> shift));
        }
        out.write(kind);
        return out;
    }

    private static void value(Output out, Object value) {
        if (value == null) {
            out.write(TAG_NULL);
        }
        else if (value instanceof String text) {
            out.write(TAG_STRING);
            out.string(text);
        }
        else if (value instanceof Long number) {
            out.write(TAG_LONG);
            out.varLong(zigZag(number));
        }
        else if (value instanceof Double number) {
            out.write(TAG_DOUBLE);
            long bits = Double.doubleToRawLongBits(number);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (bits >>> shift));
            }
        }
        else if (value instanceof Boolean flag) {
            out.write(flag ? TAG_TRUE : TAG_FALSE);
        }
        else if (value instanceof Instant instant) {
            out.write(TAG_TIMESTAMP);
            out.varLong(zigZag(instant.getEpochSecond()));
            out.varLong(instant.getNano());
        }
        else if (value instanceof byte[] bytes) {
            out.write(TAG_BYTES);
            out.bytes(bytes);
        }
        else {
            throw new IllegalArgumentException("unsupported field value class [" + value.getClass().getName() + "]");
        }
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static final class Output extends ByteArrayOutputStream {
        Output() {
            super(64);
        }

        void varLong(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                write((int) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            write((int) rest);
        }

        void bytes(byte[] bytes) {
            varLong(bytes.length);
            write(bytes, 0, bytes.length);
        }

        void string(String text) {
            bytes(text.getBytes(UTF_8));
        }
    }

    private static final class Input {
        private final byte[] bytes;
        private int position;

        Input(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        byte read() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("cut short at byte " + position);
            }
            return bytes[position++];
        }

        long varLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte next = read();
                value |= (long) (next & 0x7F) << shift;
                if ((next & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes at byte " + position);
        }

        byte[] bytes() {
            long length = varLong();
            if (length < 0 || length > bytes.length - position) {
                throw new IllegalArgumentException("length " + length + " past the end at byte " + position);
            }
            byte[] copy = new byte[(int) length];
            System.arraycopy(bytes, position, copy, 0, copy.length);
            position += copy.length;
            return copy;
        }

        String string() {
            return new String(bytes(), UTF_8);
        }

        Object value() {
            byte tag = read();
            return switch (tag) {
                case TAG_NULL -> null;
                case TAG_STRING -> string();
                case TAG_LONG -> unZigZag(varLong());
                case TAG_DOUBLE -> {
                    long bits = 0;
                    for (int i = 0; i < 8; i++) {
                        bits = (bits << 8) | (read() & 0xFF);
                    }
                    yield Double.longBitsToDouble(bits);
                }
                case TAG_FALSE -> Boolean.FALSE;
                case TAG_TRUE -> Boolean.TRUE;
                case TAG_TIMESTAMP -> Instant.ofEpochSecond(unZigZag(varLong()), varLong());
                case TAG_BYTES -> bytes();
                default -> throw new IllegalArgumentException("unknown field type tag " + tag + " at byte " + (position - 1));
            };
        }
    }
}
