package io.sluice.core.config;

import java.util.List;
import java.util.stream.Collectors;

import io.sluice.api.error.ErrorKind;
import io.sluice.api.error.SluiceException;

/** Every problem found in a pipeline file; a user error, printed one line per problem without a stack trace. */
public final class PipelineConfigException extends SluiceException {
    private static final long serialVersionUID = 1L;

    private final List<ConfigProblem> problems;

    public PipelineConfigException(List<ConfigProblem> problems) {
        super(ErrorKind.USER, false, problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")), null);
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
