package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import io.sluice.api.sink.Sink;

/**
 * The driver-side objects of running pipelines, by pipeline name.
 *
 * <p>Spark serializes the DStream graph, with every function in it, into the checkpoint and
 * restores it on recovery without running the planner again. Functions therefore capture only
 * names and serializable values and look driver-side objects (sinks, the position store) up
 * here when they run; the runner registers them before starting or recovering a pipeline. This
 * is Spark's documented "lazily instantiated singleton" pattern for checkpointed streams, and the
 * one piece of static mutable state in the runtime.
 */
public final class RuntimeServices {
    private static final Map<String, RuntimeServices> RUNNING = new ConcurrentHashMap<>();

    private final String pipelineName;
    private final Map<String, Sink> sinks;
    private final PositionStore positionStore;
    private final PipelineCounters counters;
    private final Set<Long> failedBatches = ConcurrentHashMap.newKeySet();
    private final Map<Long, List<Record>> rejectedBySinks = new ConcurrentHashMap<>();

    private RuntimeServices(String pipelineName, Map<String, Sink> sinks, PositionStore positionStore, PipelineCounters counters) {
        this.pipelineName = requireNonNull(pipelineName, "pipelineName is null");
        this.sinks = Map.copyOf(sinks);
        this.positionStore = requireNonNull(positionStore, "positionStore is null");
        this.counters = requireNonNull(counters, "counters is null");
    }

    /** Registers the services of a pipeline about to start; replaces those of an earlier run in this JVM. */
    public static RuntimeServices register(String pipelineName, Map<String, Sink> sinks, PositionStore positionStore, PipelineCounters counters) {
        RuntimeServices services = new RuntimeServices(pipelineName, sinks, positionStore, counters);
        RUNNING.put(pipelineName, services);
        return services;
    }

    public static void unregister(String pipelineName) {
        RUNNING.remove(pipelineName);
    }

    /** The services of a running pipeline. */
    public static RuntimeServices of(String pipelineName) {
        RuntimeServices services = RUNNING.get(pipelineName);
        if (services == null) {
            throw SluiceException.internal("pipeline [" + pipelineName + "] has no registered runtime services on this driver", null);
        }
        return services;
    }

    public static Optional<RuntimeServices> find(String pipelineName) {
        return Optional.ofNullable(RUNNING.get(pipelineName));
    }

    public String pipelineName() {
        return pipelineName;
    }

    public Sink sink(String sinkName) {
        Sink sink = sinks.get(sinkName);
        if (sink == null) {
            throw SluiceException.internal("no sink [" + sinkName + "] in pipeline [" + pipelineName + "]", null);
        }
        return sink;
    }

    public Map<String, Sink> sinks() {
        return sinks;
    }

    public PositionStore positionStore() {
        return positionStore;
    }

    public PipelineCounters counters() {
        return counters;
    }

    /**
     * Records that a sink gave up on a batch. Spark still runs the batch's later outputs, so the
     * position commit checks this and leaves the batch uncommitted, to be replayed.
     */
    public void markFailed(long batchTime) {
        failedBatches.add(batchTime);
    }

    public boolean hasFailed(long batchTime) {
        return failedBatches.contains(batchTime);
    }

    /** Keeps dead letters of records a sink rejected, for the batch's dead-letter write. */
    public void addDeadLetters(long batchTime, List<Record> deadLetters) {
        rejectedBySinks.computeIfAbsent(batchTime, time -> java.util.Collections.synchronizedList(new ArrayList<>())).addAll(deadLetters);
    }

    /** Takes the dead letters sinks rejected in a batch. */
    public List<Record> takeDeadLetters(long batchTime) {
        List<Record> taken = rejectedBySinks.remove(batchTime);
        return taken == null ? List.of() : List.copyOf(taken);
    }
}
