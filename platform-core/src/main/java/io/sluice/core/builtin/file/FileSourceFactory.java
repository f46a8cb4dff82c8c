package io.sluice.core.builtin.file;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.source.Source;
import io.sluice.api.source.SourceFactory;

/** Creates {@code file} sources. Stateless. */
public final class FileSourceFactory implements SourceFactory {
    @Override
    public String type() {
        return "file";
    }

    @Override
    public String description() {
        return "Lines of new files appearing in a directory of any Hadoop file system; "
                + "replayable: files stay and the checkpoint remembers which batch read which file";
    }

    @Override
    public OptionSpecs options() {
        return FileSourceOptions.SPECS;
    }

    @Override
    public Source create(Options options, PluginContext context) {
        return new FileSource(FileSourceOptions.parse(options));
    }
}
