package io.sluice.core.builtin.socket;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.source.Source;
import io.sluice.api.source.SourceFactory;

/** Creates {@code socket} sources. Stateless. */
public final class SocketSourceFactory implements SourceFactory {
    @Override
    public String type() {
        return "socket";
    }

    @Override
    public String description() {
        return "Text lines from a TCP server, one record per line; at most once: "
                + "lines in flight when a receiver fails are lost";
    }

    @Override
    public OptionSpecs options() {
        return SocketOptions.SPECS;
    }

    @Override
    public Source create(Options options, PluginContext context) {
        return new SocketSource(SocketOptions.parse(options));
    }
}
