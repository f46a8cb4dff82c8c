package io.sluice.core.plugin;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sluice.api.option.OptionProblem;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.option.OptionsException;
import io.sluice.api.plugin.PluginFactory;
import io.sluice.api.plugin.PluginKind;
import io.sluice.api.sink.SinkFactory;
import io.sluice.api.source.SourceFactory;
import io.sluice.api.state.StateStoreFactory;
import io.sluice.api.transform.TransformFactory;
import io.sluice.core.config.ComponentConfig;
import io.sluice.core.config.ConfigProblem;
import io.sluice.core.config.PipelineConfig;
import io.sluice.core.config.PipelineConfigException;
import io.sluice.core.runtime.SinkRetryPolicy;

/**
 * Binds each block of a pipeline file to the factory of its type and parses its options against
 * the factory's specs, collecting every problem (with file and line) before failing once. This is
 * what {@code sluice validate} runs; nothing here starts Spark.
 */
public final class PipelineBinder {
    private final PluginRegistry registry;

    public PipelineBinder(PluginRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /**
     * @throws PipelineConfigException listing every problem
     */
    public BoundPipeline bind(PipelineConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Binding binding = new Binding(problems, warnings);
        List<BoundComponent<SourceFactory>> sources = binding.bindAll(config.sources(), SourceFactory.class);
        List<BoundComponent<TransformFactory>> transforms = binding.bindAll(config.transforms(), TransformFactory.class);
        Optional<BoundComponent<StateStoreFactory>> state = config.state().flatMap(block -> binding.bind(block, StateStoreFactory.class));
        List<BoundComponent<SinkFactory>> sinks = binding.bindAll(config.sinks(), SinkFactory.class);
        Optional<BoundComponent<SinkFactory>> deadLetter = config.deadLetter().flatMap(block -> binding.bind(block, SinkFactory.class));
        if (!problems.isEmpty()) {
            throw new PipelineConfigException(problems);
        }
        return new BoundPipeline(config, sources, transforms, state, sinks, deadLetter, warnings, registry.classLoader());
    }

    private final class Binding {
        private final List<ConfigProblem> problems;
        private final List<String> warnings;

        Binding(List<ConfigProblem> problems, List<String> warnings) {
            this.problems = problems;
            this.warnings = warnings;
        }

        <F extends PluginFactory> List<BoundComponent<F>> bindAll(List<ComponentConfig> blocks, Class<F> factoryType) {
            List<BoundComponent<F>> bound = new ArrayList<>();
            for (ComponentConfig block : blocks) {
                bind(block, factoryType).ifPresent(bound::add);
            }
            return bound;
        }

        <F extends PluginFactory> Optional<BoundComponent<F>> bind(ComponentConfig block, Class<F> factoryType) {
            Optional<PluginFactory> factory = registry.find(block.kind(), block.type());
            if (factory.isEmpty()) {
                problems.add(new ConfigProblem(block.locationOf("type"), block.path(), registry.unknownTypeMessage(block.kind(), block.type())));
                return Optional.empty();
            }
            OptionSpecs specs = factory.get().options();
            if (block.kind() == PluginKind.SINK) {
                specs = specs.with(SinkRetryPolicy.RETRIES, SinkRetryPolicy.RETRY_BACKOFF);
            }
            try {
                Options options = specs.parse(block.options());
                for (OptionProblem warning : options.warnings()) {
                    warnings.add(block.locationOf(warning.key()) + ": " + block.label() + ": option [" + warning.key() + "] " + warning.message());
                }
                return Optional.of(new BoundComponent<>(block, factoryType.cast(factory.get()), options));
            }
            catch (OptionsException e) {
                for (OptionProblem problem : e.problems()) {
                    problems.add(new ConfigProblem(block.locationOf(problem.key()), block.label(),
                            "option [" + problem.key() + "] " + problem.message()));
                }
                return Optional.empty();
            }
        }
    }
}
