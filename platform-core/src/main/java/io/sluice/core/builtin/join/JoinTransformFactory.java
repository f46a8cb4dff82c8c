package io.sluice.core.builtin.join;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.transform.Transform;
import io.sluice.api.transform.TransformFactory;
import io.sluice.core.builtin.aggregate.WindowSpec;

/** {@code type = join}: joins two named streams by key, each side windowed. */
public final class JoinTransformFactory implements TransformFactory {
    static final OptionSpec<String> LEFT = OptionSpec.string("left").required()
            .doc("Name of the left stream: a source or a named transform defined earlier");
    static final OptionSpec<String> RIGHT = OptionSpec.string("right").required()
            .doc("Name of the right stream");
    static final OptionSpec<List<String>> ON = OptionSpec.stringList("on")
            .doc("Key fields with the same name on both sides; or use left-key and right-key");
    static final OptionSpec<List<String>> LEFT_KEY = OptionSpec.stringList("left-key").doc("Key fields of the left stream");
    static final OptionSpec<List<String>> RIGHT_KEY = OptionSpec.stringList("right-key").doc("Key fields of the right stream, matched in order");
    static final OptionSpec<Duration> WINDOW = OptionSpec.duration("window")
            .doc("How far back each side is kept for matching, a multiple of the batch interval; default: the current batch only");
    static final OptionSpec<JoinTransform.How> HOW = OptionSpec.oneOf("how", JoinTransform.How.class)
            .defaultValue(JoinTransform.How.INNER)
            .doc("inner, left, right or full: which unmatched records are kept");
    static final OptionSpecs SPECS = OptionSpecs.of(LEFT, RIGHT, ON, LEFT_KEY, RIGHT_KEY, WINDOW, HOW);

    @Override
    public String type() {
        return "join";
    }

    @Override
    public String description() {
        return "Joins two named streams by key within a window (inner, left, right or full)";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public Transform create(Options options, PluginContext context) {
        Optional<List<String>> on = options.find(ON);
        List<String> leftKey = options.find(LEFT_KEY).or(() -> on)
                .orElseThrow(() -> SluiceException.user("set option [on], or both [left-key] and [right-key]"));
        List<String> rightKey = options.find(RIGHT_KEY).or(() -> on)
                .orElseThrow(() -> SluiceException.user("set option [on], or both [left-key] and [right-key]"));
        if (on.isPresent() && (options.isSet(LEFT_KEY) || options.isSet(RIGHT_KEY))) {
            throw SluiceException.user("set option [on], or [left-key] and [right-key], not both");
        }
        if (leftKey.isEmpty() || leftKey.size() != rightKey.size()) {
            throw SluiceException.user("options [left-key] and [right-key] must name the same number of fields, at least one");
        }
        Duration window = options.find(WINDOW).orElse(context.batchInterval());
        WindowSpec spec = WindowSpec.of(window, context.batchInterval(), context.batchInterval(), "window");
        return new JoinTransform(options.get(LEFT), options.get(RIGHT), leftKey, rightKey, spec, options.get(HOW));
    }
}
