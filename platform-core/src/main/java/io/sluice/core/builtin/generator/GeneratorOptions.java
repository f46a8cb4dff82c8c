package io.sluice.core.builtin.generator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/**
 * The parsed options of a {@code generator} source. Immutable; cross-option rules are checked in
 * {@link #parse}.
 */
public final class GeneratorOptions {
    static final OptionSpec<Integer> RATE = OptionSpec.integer("rate")
            .defaultValue(1000).atLeast(1)
            .doc("Records generated per second of batch time");
    static final OptionSpec<Long> SEED = OptionSpec.longInteger("seed")
            .defaultValue(42L)
            .doc("Seed of the generator; the same seed produces the same lines");
    static final OptionSpec<Integer> PARTITIONS = OptionSpec.integer("partitions")
            .defaultValue(2).atLeast(1)
            .doc("Number of Spark partitions each batch is generated in");
    static final OptionSpec<List<String>> LEVELS = OptionSpec.stringList("levels")
            .defaultValue(List.of("DEBUG", "INFO", "WARN", "ERROR"))
            .doc("Log levels to generate");
    static final OptionSpec<List<String>> LEVEL_WEIGHTS = OptionSpec.stringList("level-weights")
            .doc("Relative weight of each level, one whole number per entry of [levels]; "
                    + "default [10, 60, 20, 10] for the default levels, equal weights otherwise");
    static final OptionSpec<Integer> HOSTS = OptionSpec.integer("hosts")
            .defaultValue(8).atLeast(1)
            .doc("Number of distinct host names (web-1 ... web-N)");
    static final OptionSpec<Long> LIMIT = OptionSpec.longInteger("limit")
            .defaultValue(0L).atLeast(0)
            .doc("Total number of records to generate across restarts; 0 means unlimited");
    static final OptionSpec<String> START_TIME = OptionSpec.string("start-time")
            .doc("ISO-8601 instant stamped on record 0, e.g. 2026-11-30T07:00:00Z; "
                    + "default: the time the stream is opened, so the next record is stamped now");

    static final OptionSpecs SPECS = OptionSpecs.of(RATE, SEED, PARTITIONS, LEVELS, LEVEL_WEIGHTS, HOSTS, LIMIT, START_TIME);

    private static final List<String> DEFAULT_LEVELS = List.of("DEBUG", "INFO", "WARN", "ERROR");
    private static final List<Integer> DEFAULT_WEIGHTS = List.of(10, 60, 20, 10);

    private final int rate;
    private final long seed;
    private final int partitions;
    private final List<String> levels;
    private final List<Integer> levelWeights;
    private final int hosts;
    private final long limit;
    private final Instant startTime;

    GeneratorOptions(int rate, long seed, int partitions, List<String> levels, List<Integer> levelWeights,
            int hosts, long limit, Instant startTime) {
        this.rate = rate;
        this.seed = seed;
        this.partitions = partitions;
        this.levels = List.copyOf(requireNonNull(levels, "levels is null"));
        this.levelWeights = List.copyOf(requireNonNull(levelWeights, "levelWeights is null"));
        this.hosts = hosts;
        this.limit = limit;
        this.startTime = startTime;
    }

    /**
     * Reads the options and checks the rules between them.
     *
     * @throws SluiceException (user) naming the option at fault
     */
    public static GeneratorOptions parse(Options options) {
        List<String> levels = options.get(LEVELS);
        if (levels.isEmpty()) {
            throw SluiceException.user("option [levels] must name at least one level");
        }
        for (String level : levels) {
            if (level.isBlank() || level.contains(",")) {
                throw SluiceException.user("option [levels] has an empty level or one containing a comma: [" + level + "]");
            }
        }
        List<Integer> weights = parseWeights(options, levels);
        Instant startTime = options.find(START_TIME).map(GeneratorOptions::parseInstant).orElse(null);
        return new GeneratorOptions(options.get(RATE), options.get(SEED), options.get(PARTITIONS), levels, weights,
                options.get(HOSTS), options.get(LIMIT), startTime);
    }

    private static List<Integer> parseWeights(Options options, List<String> levels) {
        Optional<List<String>> raw = options.find(LEVEL_WEIGHTS);
        if (raw.isEmpty()) {
            return levels.equals(DEFAULT_LEVELS) ? DEFAULT_WEIGHTS : levels.stream().map(level -> 1).toList();
        }
        if (raw.get().size() != levels.size()) {
            throw SluiceException.user("option [level-weights] must have one weight per level of option [levels] ("
                    + levels.size() + "), got [" + raw.get().size() + "]");
        }
        List<Integer> weights = new ArrayList<>(levels.size());
        long total = 0;
        for (String text : raw.get()) {
            int weight;
            try {
                weight = Integer.parseInt(text.trim());
            }
            catch (NumberFormatException e) {
                throw SluiceException.user("option [level-weights] must hold whole numbers, got [" + text + "]");
            }
            if (weight < 0) {
                throw SluiceException.user("option [level-weights] must not hold negative weights, got [" + weight + "]");
            }
            weights.add(weight);
            total += weight;
        }
        if (total == 0 || total > Integer.MAX_VALUE) {
            throw SluiceException.user("option [level-weights] must add up to between [1] and [" + Integer.MAX_VALUE + "], got [" + total + "]");
        }
        return weights;
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text.trim());
        }
        catch (DateTimeParseException e) {
            throw SluiceException.user("option [start-time] must be an ISO-8601 instant such as [2026-11-30T07:00:00Z], got [" + text + "]");
        }
    }

    public int rate() {
        return rate;
    }

    public long seed() {
        return seed;
    }

    public int partitions() {
        return partitions;
    }

    public List<String> levels() {
        return levels;
    }

    public List<Integer> levelWeights() {
        return levelWeights;
    }

    public int hosts() {
        return hosts;
    }

    /** Total records to generate, 0 for unlimited. */
    public long limit() {
        return limit;
    }

    /** The instant stamped on record 0, if set. */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(startTime);
    }

    @Override
    public String toString() {
        return "GeneratorOptions{rate=" + rate + ", seed=" + seed + ", partitions=" + partitions + ", levels=" + levels
                + ", levelWeights=" + levelWeights + ", hosts=" + hosts + ", limit=" + limit + ", startTime=" + startTime + "}";
    }
}
