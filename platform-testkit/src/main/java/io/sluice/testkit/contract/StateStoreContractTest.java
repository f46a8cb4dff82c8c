package io.sluice.testkit.contract;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sluice.api.record.Record;
import io.sluice.api.state.StateAccessor;
import io.sluice.api.state.StateAccessorFactory;
import io.sluice.api.state.StateStorage;
import io.sluice.api.state.StateStore;
import io.sluice.api.state.StateStoreFactory;
import io.sluice.api.state.StoredState;
import io.sluice.testkit.Serialization;
import io.sluice.testkit.TestingPluginContext;

/**
 * The contract every external state store keeps ({@link StateStorage.External}): a store's test
 * subclasses this and supplies the factory and options pointing at a fresh, empty store.
 *
 * <p>The suite uses the store as a stateful transform does on executors: it creates the store on
 * the "driver" with a {@link TestingPluginContext}, ships its {@link StateAccessorFactory} through
 * Java serialization, and opens one accessor per partition and batch. It checks that absent keys
 * read as absent; a write reads back with its batch time, also through another accessor and
 * another namespace's isolation; a write for an equal or older batch time leaves the stored state
 * alone (the replay guard), also when two accessors write the same batch at once; a key removed by
 * a batch reads as absent and stays so when that batch is replayed; and a secret option's value
 * never shows in the shipped factory's bytes, {@code describe()} or {@code toString()}.
 *
 * <p>JUnit creates one instance of the subclass per test method, so a subclass may keep the
 * current store's location (a key prefix, a directory) in fields set up by {@link #options()}.
 */
public abstract class StateStoreContractTest {
    private static final long T1 = Instant.parse("2026-11-30T07:00:01Z").toEpochMilli();
    private static final long T2 = T1 + 1000;
    private static final long T3 = T2 + 1000;
    private static final String NAMESPACE = "test-pipeline.counts";

    private final List<StateStore> created = new ArrayList<>();

    /** The factory under test; called by the suite each time it creates a store. */
    protected abstract StateStoreFactory factory();

    /**
     * Raw options (as in the pipeline's {@code state} block) for a store that only this test
     * method uses and that holds no state yet. Called by the suite when it creates the store, once
     * per test method.
     */
    protected abstract Map<String, Object> options() throws Exception;

    /**
     * Options like {@link #options()} but with a secret option set to {@code secret}, or empty when
     * the store takes none. The store is created but not used, so the secret need not be valid.
     */
    protected Optional<Map<String, Object>> optionsWithSecret(String secret) throws Exception {
        return Optional.empty();
    }

    @AfterEach
    final void closeStores() {
        created.forEach(StateStore::close);
    }

    @Test
    void absentKeysReadAsAbsent() throws Exception {
        try (StateAccessor accessor = open(accessors())) {
            assertThat(accessor.read(List.of("a", "b"))).isEmpty();
            assertThat(accessor.read(List.of())).isEmpty();
        }
    }

    @Test
    void anAccessorClosesCleanlyUnusedOrAfterAReadOnly() throws Exception {
        StateAccessorFactory accessors = accessors();
        // A task that fails before its read, or between read and write, just closes its accessor.
        open(accessors).close();
        try (StateAccessor accessor = open(accessors)) {
            accessor.read(List.of("a"));
        }
    }

    @Test
    void aWriteReadsBackWithItsBatchTimeThroughAnyAccessor() throws Exception {
        StateAccessorFactory accessors = accessors();
        try (StateAccessor accessor = open(accessors)) {
            accessor.write(Map.of("a", state(1), "b", state(2)), List.of(), T1);

            assertThat(accessor.read(List.of("a", "b", "c"))).containsOnly(
                    Map.entry("a", new StoredState(state(1), T1)),
                    Map.entry("b", new StoredState(state(2), T1)));
        }
        // The next batch's task opens its own accessor, from its own copy of the factory.
        try (StateAccessor next = open(Serialization.roundTrip(accessors))) {
            assertThat(next.read(List.of("a"))).containsOnly(Map.entry("a", new StoredState(state(1), T1)));
        }
    }

    @Test
    void namespacesDoNotShareKeys() throws Exception {
        StateAccessorFactory accessors = accessors();
        try (StateAccessor one = accessors.open(NAMESPACE, Optional.empty());
                StateAccessor other = accessors.open(NAMESPACE + "-other", Optional.empty())) {
            one.write(Map.of("a", state(1)), List.of(), T1);

            assertThat(other.read(List.of("a"))).isEmpty();
        }
    }

    @Test
    void aWriteForTheSameOrAnOlderBatchLeavesTheStoredStateAlone() throws Exception {
        try (StateAccessor accessor = open(accessors())) {
            accessor.write(Map.of("k", state(5)), List.of(), T2);
            accessor.write(Map.of("k", state(99)), List.of(), T2);
            accessor.write(Map.of("k", state(98)), List.of(), T1);

            assertThat(accessor.read(List.of("k"))).containsOnly(Map.entry("k", new StoredState(state(5), T2)));

            accessor.write(Map.of("k", state(6)), List.of(), T3);

            assertThat(accessor.read(List.of("k"))).containsOnly(Map.entry("k", new StoredState(state(6), T3)));
        }
    }

    @Test
    void twoAccessorsWritingTheSameBatchAtOnceApplyItOncePerKey() throws Exception {
        StateAccessorFactory accessors = accessors();
        List<String> keys = new ArrayList<>();
        Map<String, Record> before = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            keys.add("k" + i);
            before.put("k" + i, state(0));
        }
        try (StateAccessor accessor = open(accessors)) {
            accessor.write(before, List.of(), T1);
        }

        // A speculative task and the original write the same batch, with different results.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (long value : new long[] {1, 2}) {
                StateAccessorFactory shipped = Serialization.roundTrip(accessors);
                Map<String, Record> states = new LinkedHashMap<>();
                keys.forEach(key -> states.put(key, state(value)));
                writes.add(threads.submit(() -> {
                    try (StateAccessor accessor = open(shipped)) {
                        start.await();
                        accessor.write(states, List.of(), T2);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> write : writes) {
                write.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            threads.shutdownNow();
        }

        try (StateAccessor accessor = open(accessors)) {
            Map<String, StoredState> stored = accessor.read(keys);
            assertThat(stored).hasSize(keys.size());
            stored.forEach((key, state) -> assertThat(state).as("state of [%s]", key)
                    .isIn(new StoredState(state(1), T2), new StoredState(state(2), T2)));

            // And a third copy of the batch changes nothing.
            Map<String, Record> third = new LinkedHashMap<>();
            keys.forEach(key -> third.put(key, state(3)));
            accessor.write(third, List.of(), T2);
            assertThat(accessor.read(keys)).isEqualTo(stored);
        }
    }

    @Test
    void aRemovedKeyReadsAsAbsentAlsoWhenItsBatchIsReplayed() throws Exception {
        try (StateAccessor accessor = open(accessors())) {
            accessor.write(Map.of("k", state(5), "j", state(1)), List.of(), T1);
            accessor.write(Map.of(), List.of("k"), T2);

            assertThat(accessor.read(List.of("k", "j"))).containsOnly(Map.entry("j", new StoredState(state(1), T1)));

            // The batch that removed it is replayed by a task that saw the old state.
            accessor.write(Map.of("k", state(6)), List.of(), T2);

            assertThat(accessor.read(List.of("k"))).isEmpty();
        }
    }

    @Test
    void theAccessorFactorySurvivesJavaSerialization() throws Exception {
        StateAccessorFactory accessors = accessors();
        StateAccessorFactory copy = Serialization.roundTrip(Serialization.roundTrip(accessors));
        try (StateAccessor original = open(accessors); StateAccessor shipped = open(copy)) {
            shipped.write(Map.of("k", state(7)), List.of(), T1);

            assertThat(original.read(List.of("k"))).containsOnly(Map.entry("k", new StoredState(state(7), T1)));
        }
    }

    @Test
    void aSecretOptionNeverShowsInTheShippedFactoryOrTheDescription() throws Exception {
        String secret = "contract-secret-" + Long.toHexString(System.nanoTime());
        Optional<Map<String, Object>> withSecret = optionsWithSecret(secret);
        if (withSecret.isEmpty()) {
            // No options with a secret to try: then the plugin must declare none, or the hook was forgotten.
            assertThat(factory().options().secretKeys())
                    .as("secret options of a store whose test gives no optionsWithSecret(...)").isEmpty();
            return;
        }
        StateStore store = store(withSecret.get());

        byte[] shipped = Serialization.serialize(external(store).accessors());

        assertThat(new String(shipped, ISO_8859_1)).as("serialized accessor factory").doesNotContain(secret);
        assertThat(store.describe()).as("describe()").doesNotContain(secret);
        assertThat(String.valueOf(store)).as("toString()").doesNotContain(secret);
        assertThat(String.valueOf(external(store).accessors())).as("accessor factory's toString()").doesNotContain(secret);
    }

    /** A state record as a count aggregation keeps it. */
    protected Record state(long count) {
        return Record.builder().field("count", count).field("last", "v" + count).build();
    }

    /** The accessor factory of a new store from {@link #options()}, as executors get it: serialized and read back. */
    private StateAccessorFactory accessors() throws Exception {
        return Serialization.roundTrip(external(store(options())).accessors());
    }

    private StateStore store(Map<String, Object> raw) {
        StateStoreFactory factory = factory();
        StateStore store = factory.create(factory.options().parse(raw), TestingPluginContext.of("state"));
        created.add(store);
        return store;
    }

    private static StateStorage.External external(StateStore store) {
        StateStorage storage = store.storage();
        assertThat(storage).as("storage of an external state store").isInstanceOf(StateStorage.External.class);
        return (StateStorage.External) storage;
    }

    private static StateAccessor open(StateAccessorFactory accessors) throws IOException {
        return accessors.open(NAMESPACE, Optional.<Duration>empty());
    }
}
