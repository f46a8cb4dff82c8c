package io.sluice.core.config;

import static java.util.Objects.requireNonNull;

/**
 * One problem in a pipeline file, printed as {@code pipeline.conf:12: sinks[0] (jdbc): option [batch-size] must be at least [1], got [0]}.
 *
 * @param location file and line, e.g. {@code pipeline.conf:12}, or the file alone when no line is known
 * @param path where in the pipeline, e.g. {@code sinks[0] (jdbc)}; empty for file-level problems
 * @param message what is wrong and what is allowed
 */
public record ConfigProblem(String location, String path, String message) {
    public ConfigProblem {
        requireNonNull(location, "location is null");
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
