package io.sluice.api.option;

import java.util.List;
import java.util.stream.Collectors;

import io.sluice.api.error.ErrorKind;
import io.sluice.api.error.SluiceException;

/** Every problem found in one plugin's options, collected before failing once. */
public final class OptionsException extends SluiceException {
    private static final long serialVersionUID = 1L;

    private final List<OptionProblem> problems;

    public OptionsException(List<OptionProblem> problems) {
        super(ErrorKind.USER, false, problems.stream()
                .map(problem -> "option [" + problem.key() + "]: " + problem.message())
                .collect(Collectors.joining("; ")), null);
        this.problems = List.copyOf(problems);
    }

    public List<OptionProblem> problems() {
        return problems;
    }
}
