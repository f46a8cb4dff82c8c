package io.sluice.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sluice.api.delivery.DeliveryGuarantee;
import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.delivery.SourceDelivery;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.sink.Sink;
import io.sluice.api.source.Source;
import io.sluice.core.config.ComponentConfig;

/**
 * The end-to-end guarantee of a pipeline, derived from what its sources and sinks promise, and
 * why: printed at start so users know what a crash can do to their output.
 * <ul>
 *   <li>a source that loses in-flight data on a crash makes the pipeline at-most-once;</li>
 *   <li>replayable sources with only idempotent or transactional sinks make it exactly-once
 *       (in effect: a replayed batch rewrites the same output);</li>
 *   <li>otherwise at-least-once: a replayed batch appends again to an append-only sink.</li>
 * </ul>
 *
 * @param guarantee the guarantee
 * @param reasons one phrase per source and sink
 */
public record DeliveryReport(DeliveryGuarantee guarantee, List<String> reasons) {
    public DeliveryReport {
        reasons = List.copyOf(reasons);
    }

    public static DeliveryReport of(Map<ComponentConfig, Source> sources, Map<ComponentConfig, Sink> sinks) {
        List<String> reasons = new ArrayList<>();
        boolean lossy = false;
        boolean atLeastOnceSource = false;
        for (Map.Entry<ComponentConfig, Source> entry : sources.entrySet()) {
            SourceDelivery delivery = entry.getValue().delivery();
            lossy |= delivery == SourceDelivery.AT_MOST_ONCE;
            atLeastOnceSource |= delivery == SourceDelivery.AT_LEAST_ONCE;
            reasons.add(entry.getKey().name() + " (" + entry.getKey().type() + ") is " + OptionSpec.enumName(delivery));
        }
        boolean appends = false;
        for (Map.Entry<ComponentConfig, Sink> entry : sinks.entrySet()) {
            SinkDelivery delivery = entry.getValue().delivery();
            appends |= delivery == SinkDelivery.APPEND;
            reasons.add(entry.getKey().label() + " " + entry.getValue().describe());
        }
        DeliveryGuarantee guarantee = lossy ? DeliveryGuarantee.AT_MOST_ONCE
                : appends || atLeastOnceSource ? DeliveryGuarantee.AT_LEAST_ONCE
                : DeliveryGuarantee.EXACTLY_ONCE;
        return new DeliveryReport(guarantee, reasons);
    }

    @Override
    public String toString() {
        return guarantee.label() + ": " + String.join("; ", reasons);
    }
}
