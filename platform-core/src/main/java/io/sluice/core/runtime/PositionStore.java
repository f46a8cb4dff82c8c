package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.api.source.Positions;

/**
 * Source positions after the last batch every sink wrote, one small JSON file per source,
 * replaced atomically (written beside, then renamed). Used on the driver only.
 */
public final class PositionStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Configuration hadoopConf;

    PositionStore(Path directory, Configuration hadoopConf) {
        this.directory = requireNonNull(directory, "directory is null");
        this.hadoopConf = requireNonNull(hadoopConf, "hadoopConf is null");
    }

    /** Stores a source's positions as of the given batch. */
    public void store(String sourceName, long batchTime, Positions positions) throws IOException {
        Path target = new Path(directory, sourceName + ".json");
        Path pending = new Path(directory, sourceName + ".json.pending");
        FileSystem fs = directory.getFileSystem(hadoopConf);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("batchTime", batchTime);
        document.put("positions", positions.asMap());
        try (OutputStream out = fs.create(pending, true)) {
            JSON.writeValue(out, document);
        }
        // Hadoop's rename does not replace; a crash between delete and rename leaves only the
        // pending file, which read() falls back to.
        fs.delete(target, false);
        if (!fs.rename(pending, target)) {
            throw new IOException("Cannot rename " + pending + " to " + target);
        }
    }

    /** The positions stored for a source, if any. */
    public Optional<Positions> read(String sourceName) throws IOException {
        FileSystem fs = directory.getFileSystem(hadoopConf);
        for (String name : new String[] {sourceName + ".json", sourceName + ".json.pending"}) {
            Path file = new Path(directory, name);
            if (fs.exists(file)) {
                try (InputStream in = fs.open(file)) {
                    Map<String, Object> document = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
                    @SuppressWarnings("unchecked")
                    Map<String, String> positions = (Map<String, String>) document.get("positions");
                    return Optional.of(Positions.of(positions));
                }
                catch (IOException e) {
                    if (name.endsWith(".pending")) {
                        return Optional.empty();
                    }
                    throw e;
                }
            }
        }
        return Optional.empty();
    }
}
