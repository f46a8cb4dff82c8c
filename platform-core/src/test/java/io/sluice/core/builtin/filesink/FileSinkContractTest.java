package io.sluice.core.builtin.filesink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.sink.SinkFactory;
import io.sluice.testkit.contract.SinkContractTest;

/** The {@code file} sink keeps the sink contract: what a reader sees is {@code batch-T}'s part files. */
class FileSinkContractTest extends SinkContractTest {
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]*)\"");

    @TempDir
    Path out;

    @Override
    protected SinkFactory factory() {
        return new FileSinkFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("path", out.toUri().toString());
    }

    @Override
    protected List<String> visibleIds(long batchTime) throws Exception {
        Path batch = out.resolve("batch-" + batchTime);
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(batch)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(batch)) {
            // Readers skip names starting with _ or ., as Hadoop and Spark do.
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("_") && !f.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher id = ID.matcher(line);
                    if (id.find()) {
                        ids.add(id.group(1));
                    }
                }
            }
        }
        return ids;
    }
}
