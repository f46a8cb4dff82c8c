package io.sluice.redis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.sluice.api.error.RecordException;
import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Writes one partition of one batch to Redis: commands are kept here and sent in one pipeline
 * every {@value #FLUSH_EVERY} commands and at commit, on a connection borrowed for that send only;
 * replies are checked at each send so a refused command (e.g. WRONGTYPE) fails the batch with its
 * key. Commands not sent yet are dropped by {@link #abort}. Used by one task thread, never
 * serialized. Values are written as text: numbers and booleans as Java prints them, timestamps in
 * ISO-8601, bytes in Base64.
 */
final class RedisPartitionWriter implements PartitionWriter {
    private static final int FLUSH_EVERY = 1000;

    private final RedisSinkOptions options;
    private final UnifiedJedis client;
    private final List<Command> pending = new ArrayList<>();

    /** A command not sent yet, and the key it writes (for messages). */
    private record Command(String key, Function<AbstractPipeline, Response<?>> send) {
    }

    RedisPartitionWriter(RedisSinkOptions options, UnifiedJedis client) {
        this.options = requireNonNull(options, "options is null");
        this.client = requireNonNull(client, "client is null");
    }

    @Override
    public void write(Record record) throws IOException {
        String key = options.key().render(record);
        // Build the command first: a bad record is rejected before anything of it is queued.
        switch (options.dataType()) {
            case HASH -> {
                Map<String, String> hash = hashOf(record);
                pending.add(new Command(key, pipeline -> pipeline.hset(key, hash)));
            }
            case STRING -> {
                String value = options.valueField().map(field -> required(record, field)).orElseGet(() -> json(record));
                pending.add(new Command(key, pipeline -> pipeline.set(key, value)));
            }
            case SORTED_SET -> {
                String member = required(record, options.memberField());
                double score;
                try {
                    Double value = record.getDouble(options.scoreField());
                    if (value == null) {
                        throw new RecordException("score field [" + options.scoreField() + "] is missing or null");
                    }
                    score = value;
                }
                catch (IllegalArgumentException e) {
                    throw new RecordException("score field [" + options.scoreField() + "] is not a number", e);
                }
                double memberScore = score;
                pending.add(new Command(key, pipeline -> pipeline.zadd(key, memberScore, member)));
            }
        }
        if (options.ttlMillis() > 0) {
            long ttl = options.ttlMillis();
            pending.add(new Command(key, pipeline -> pipeline.pexpire(key, ttl)));
        }
        if (pending.size() >= FLUSH_EVERY) {
            flush();
        }
    }

    @Override
    public Serializable commit() throws IOException {
        flush();
        return null;
    }

    /**
     * Drops the commands not sent yet; commands already sent cannot be taken back, which is safe
     * because every command is a set: the batch's retry writes the same values again.
     */
    @Override
    public void abort() {
        pending.clear();
    }

    /** Drops anything not sent; the connection went back to the pool after the last send. */
    @Override
    public void close() {
        pending.clear();
    }

    private void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        List<Response<?>> replies = new ArrayList<>(pending.size());
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (Command command : pending) {
                replies.add(command.send().apply(pipeline));
            }
            pipeline.sync();
        }
        catch (JedisException e) {
            throw failed(e);
        }
        for (int i = 0; i < replies.size(); i++) {
            try {
                replies.get(i).get();
            }
            catch (JedisDataException e) {
                // Redis refused the command itself (WRONGTYPE, OOM): retrying the batch will not help.
                throw SluiceException.externalFatal("Redis refused a write to key [" + pending.get(i).key() + "]: " + e.getMessage(), e);
            }
        }
        pending.clear();
    }

    private IOException failed(JedisException e) {
        return new IOException("Redis at " + options.connection().describe() + " failed: " + e.getMessage(), e);
    }

    private Map<String, String> hashOf(Record record) {
        Map<String, String> hash = new LinkedHashMap<>();
        if (options.fields().isPresent()) {
            for (String field : options.fields().get()) {
                Object value = record.get(field);
                if (value != null) {
                    hash.put(field, text(value));
                }
            }
        }
        else {
            for (int i = 0; i < record.fieldCount(); i++) {
                if (record.fieldValue(i) != null) {
                    hash.put(record.fieldName(i), text(record.fieldValue(i)));
                }
            }
        }
        if (hash.isEmpty()) {
            throw new RecordException("the record has none of the fields to write as a hash");
        }
        return hash;
    }

    private static String required(Record record, String field) {
        Object value = record.get(field);
        if (value == null) {
            throw new RecordException("field [" + field + "] is missing or null");
        }
        return text(value);
    }

    static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return String.valueOf(value);
    }

    /** The record's fields as a JSON object, in field order. */
    static String json(Record record) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < record.fieldCount(); i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(json, record.fieldName(i));
            json.append(':');
            Object value = record.fieldValue(i);
            if (value == null || value instanceof Boolean || value instanceof Long) {
                json.append(value);
            }
            else if (value instanceof Double number) {
                json.append(number.isNaN() || number.isInfinite() ? "null" : number.toString());
            }
            else if (value instanceof Instant || value instanceof String || value instanceof byte[]) {
                quote(json, text(value));
            }
            else {
                throw SluiceException.internal("unexpected field class " + value.getClass().getName(), null);
            }
        }
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
