package io.sluice.core.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * Turns the locations users write ({@code file:./work/x}, {@code ./work/x},
 * {@code hdfs://nn:8020/x}) into absolute URIs, on the driver, once: Hadoop reads
 * {@code file:./x} as an opaque URI without a path, and a relative path would otherwise be
 * resolved against each executor's own working directory.
 */
public final class FileSystemLocations {
    private FileSystemLocations() {}

    /**
     * @throws IllegalArgumentException if the location is not a valid URI
     */
    public static URI absolute(String location) {
        String trimmed = location.trim();
        if (trimmed.startsWith("file:") && !trimmed.startsWith("file:/")) {
            return Path.of(trimmed.substring("file:".length())).toAbsolutePath().normalize().toUri();
        }
        if (!trimmed.contains(":")) {
            return Path.of(trimmed).toAbsolutePath().normalize().toUri();
        }
        return URI.create(trimmed);
    }
}
