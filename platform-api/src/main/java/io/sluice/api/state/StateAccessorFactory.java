package io.sluice.api.state;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens {@link StateAccessor}s on executors. Serialized into checkpoints and shipped to executors:
 * hold configuration only, and take connections from a per-JVM pool created lazily on first use.
 */
public interface StateAccessorFactory extends Serializable {
    /**
     * Opens an accessor for one partition of one batch.
     *
     * @param namespace the stateful transform's namespace (pipeline and transform name), prefixing its keys
     * @param idleTimeout when present, keys not updated for this long may be dropped
     */
    StateAccessor open(String namespace, Optional<Duration> idleTimeout) throws IOException;
}
