package io.sluice.redis;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.Durations;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/**
 * The {@code redis} sink's parsed options: the connection, what each record becomes (a hash, a
 * string or a sorted-set member) under which key, and an optional TTL. Immutable and serializable:
 * the partition writer factory ships it to executors.
 */
final class RedisSinkOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What each record is written as. */
    enum DataType {
        /** HSET of the record's fields (or the listed ones) at the key. */
        HASH,
        /** SET of one field's value, or the record as JSON, at the key. */
        STRING,
        /** ZADD of a member field with a score field to the sorted set at the key. */
        SORTED_SET
    }

    static final OptionSpec<DataType> DATA_TYPE = OptionSpec.oneOf("data-type", DataType.class).defaultValue(DataType.HASH)
            .doc("hash: the fields as a hash; string: one field or the record as JSON; sorted-set: member and score fields");
    static final OptionSpec<String> KEY = OptionSpec.string("key").required()
            .doc("Key template with ${field} references, e.g. counts:${level}");
    static final OptionSpec<List<String>> FIELDS = OptionSpec.stringList("fields")
            .doc("hash: the fields to write; default: every field of the record");
    static final OptionSpec<String> VALUE_FIELD = OptionSpec.string("value-field")
            .doc("string: the field whose value is written; default: the whole record as a JSON object");
    static final OptionSpec<String> MEMBER_FIELD = OptionSpec.string("member-field")
            .doc("sorted-set: the field naming the member; required for sorted-set");
    static final OptionSpec<String> SCORE_FIELD = OptionSpec.string("score-field")
            .doc("sorted-set: the numeric field giving the member's score; required for sorted-set");
    static final OptionSpec<Duration> TTL = OptionSpec.duration("ttl").atLeast(1)
            .doc("Expire each written key this long after its last write; default: never");
    static final OptionSpecs SPECS = specs();

    private static OptionSpecs specs() {
        List<OptionSpec<?>> all = new ArrayList<>(RedisConnectionOptions.SPECS);
        all.addAll(List.of(DATA_TYPE, KEY, FIELDS, VALUE_FIELD, MEMBER_FIELD, SCORE_FIELD, TTL));
        return OptionSpecs.of(all);
    }

    private final RedisConnectionOptions connection;
    private final DataType dataType;
    private final RedisKeyTemplate key;
    private final List<String> fields;
    private final String valueField;
    private final String memberField;
    private final String scoreField;
    private final long ttlMillis;

    private RedisSinkOptions(RedisConnectionOptions connection, DataType dataType, RedisKeyTemplate key, List<String> fields,
            String valueField, String memberField, String scoreField, long ttlMillis) {
        this.connection = requireNonNull(connection, "connection is null");
        this.dataType = requireNonNull(dataType, "dataType is null");
        this.key = requireNonNull(key, "key is null");
        this.fields = fields == null ? null : List.copyOf(fields);
        this.valueField = valueField;
        this.memberField = memberField;
        this.scoreField = scoreField;
        this.ttlMillis = ttlMillis;
    }

    /**
     * Reads and cross-checks the sink's options.
     *
     * @throws SluiceException (a user error) naming the options at fault
     */
    static RedisSinkOptions parse(Options options) {
        RedisConnectionOptions connection = RedisConnectionOptions.parse(options);
        DataType type = options.get(DATA_TYPE);
        List<String> problems = new ArrayList<>();
        onlyFor(options, FIELDS, DataType.HASH, type, problems);
        onlyFor(options, VALUE_FIELD, DataType.STRING, type, problems);
        onlyFor(options, MEMBER_FIELD, DataType.SORTED_SET, type, problems);
        onlyFor(options, SCORE_FIELD, DataType.SORTED_SET, type, problems);
        if (type == DataType.SORTED_SET && (!options.isSet(MEMBER_FIELD) || !options.isSet(SCORE_FIELD))) {
            problems.add("data-type [sorted-set] needs options [member-field] and [score-field]");
        }
        if (options.find(FIELDS).map(List::isEmpty).orElse(false)) {
            problems.add("option [fields] is empty; leave it out to write every field");
        }
        if (!problems.isEmpty()) {
            throw SluiceException.user(String.join("; ", problems));
        }
        return new RedisSinkOptions(connection, type, RedisKeyTemplate.parse(KEY.key(), options.get(KEY)), options.find(FIELDS).orElse(null),
                options.find(VALUE_FIELD).orElse(null), options.find(MEMBER_FIELD).orElse(null), options.find(SCORE_FIELD).orElse(null),
                options.find(TTL).map(Duration::toMillis).orElse(0L));
    }

    private static void onlyFor(Options options, OptionSpec<?> spec, DataType wanted, DataType type, List<String> problems) {
        if (options.isSet(spec) && type != wanted) {
            problems.add("option [" + spec.key() + "] applies to data-type [" + OptionSpec.enumName(wanted) + "] only, not ["
                    + OptionSpec.enumName(type) + "]");
        }
    }

    RedisConnectionOptions connection() {
        return connection;
    }

    DataType dataType() {
        return dataType;
    }

    RedisKeyTemplate key() {
        return key;
    }

    /** The hash fields to write, or empty for all. */
    Optional<List<String>> fields() {
        return Optional.ofNullable(fields);
    }

    Optional<String> valueField() {
        return Optional.ofNullable(valueField);
    }

    String memberField() {
        return memberField;
    }

    String scoreField() {
        return scoreField;
    }

    long ttlMillis() {
        return ttlMillis;
    }

    /** For the banner: what is written where. */
    String describe() {
        String what = switch (dataType) {
            case HASH -> "hashes" + (fields == null ? "" : " of " + fields);
            case STRING -> "strings of " + (valueField == null ? "the record as JSON" : "[" + valueField + "]");
            case SORTED_SET -> "sorted-set scores [" + scoreField + "] of members [" + memberField + "]";
        };
        return "redis " + what + " at " + key + " on " + connection.describe()
                + (ttlMillis > 0 ? ", ttl " + Durations.format(Duration.ofMillis(ttlMillis)) : "");
    }

    @Override
    public String toString() {
        return "RedisSinkOptions{" + describe() + "}";
    }
}
