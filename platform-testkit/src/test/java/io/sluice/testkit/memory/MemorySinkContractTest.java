package io.sluice.testkit.memory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sluice.api.sink.SinkFactory;
import io.sluice.testkit.contract.SinkContractTest;

/** The {@code memory} sink keeps the sink contract. */
class MemorySinkContractTest extends SinkContractTest {
    private final String stream = "contract-" + UUID.randomUUID();

    @Override
    protected SinkFactory factory() {
        return new MemorySinkFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("stream", stream);
    }

    @Override
    protected List<String> visibleIds(long batchTime) {
        return MemoryStreams.batches(stream).getOrDefault(batchTime, List.of()).stream().map(record -> record.getString(ID_FIELD)).toList();
    }
}
