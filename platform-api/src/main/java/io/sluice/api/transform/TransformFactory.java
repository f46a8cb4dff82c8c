package io.sluice.api.transform;

import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.plugin.PluginFactory;

/** Creates transforms of one type. Stateless; called on the driver, once per use in a pipeline. */
public interface TransformFactory extends PluginFactory {
    /** Creates a transform; returns a {@link RecordTransform} or a {@link StreamTransform}. */
    Transform create(Options options, PluginContext context);
}
