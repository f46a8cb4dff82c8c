package io.sluice.core.builtin.file;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.regex.PatternSyntaxException;

import io.sluice.api.error.SluiceException;
import io.sluice.core.config.FileSystemLocations;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/**
 * The parsed options of a {@code file} source. Immutable.
 *
 * @param path the directory URI to watch
 * @param pattern the glob file names must match
 * @param newFilesOnly whether files already present at start are skipped
 */
public record FileSourceOptions(String path, String pattern, boolean newFilesOnly) implements Serializable {
    static final OptionSpec<String> PATH = OptionSpec.string("path").required()
            .doc("Directory to watch, as a Hadoop file system URI: file:/data/in, hdfs://namenode:8020/in");
    static final OptionSpec<String> PATTERN = OptionSpec.string("pattern").defaultValue("*")
            .doc("Glob that file names (not paths) must match, e.g. *.log; names starting with . or _ are always skipped");
    static final OptionSpec<Boolean> NEW_FILES_ONLY = OptionSpec.bool("new-files-only").defaultValue(true)
            .doc("Read only files that appear after the stream starts; false also reads files modified "
                    + "within Spark's remember window (spark.streaming.fileStream.minRememberDuration, 60s)");

    static final OptionSpecs SPECS = OptionSpecs.of(PATH, PATTERN, NEW_FILES_ONLY);

    public FileSourceOptions {
        requireNonNull(path, "path is null");
        requireNonNull(pattern, "pattern is null");
    }

    /**
     * Reads the options and compiles the glob.
     *
     * @throws SluiceException (user) for an empty path or a glob that does not compile
     */
    public static FileSourceOptions parse(Options options) {
        String path = options.get(PATH).trim();
        if (path.isEmpty()) {
            throw SluiceException.user("option [path] must not be empty");
        }
        try {
            path = FileSystemLocations.absolute(path).toString();
        }
        catch (IllegalArgumentException e) {
            throw SluiceException.user("option [path] is not a valid file system URI: [" + path + "]: " + e.getMessage());
        }
        FileSourceOptions parsed = new FileSourceOptions(path, options.get(PATTERN), options.get(NEW_FILES_ONLY));
        parsed.nameMatcher();
        return parsed;
    }

    /** Matches file names against the glob, with Java's glob syntax ({@code *}, {@code ?}, {@code [a-z]}, {@code {a,b}}). */
    PathMatcher nameMatcher() {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        }
        catch (PatternSyntaxException e) {
            throw SluiceException.user("option [pattern] is not a valid glob: [" + pattern + "]: " + e.getDescription());
        }
    }
}
