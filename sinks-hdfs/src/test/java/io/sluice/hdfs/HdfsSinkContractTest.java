package io.sluice.hdfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.api.sink.SinkFactory;
import io.sluice.testkit.contract.SinkContractTest;
import io.sluice.testkit.hdfs.MiniHdfs;

/** The {@code hdfs} sink keeps the sink contract on a real HDFS, partitioned by a field so the commit moves several directories. */
class HdfsSinkContractTest extends SinkContractTest {
    private final String base = MiniHdfs.get().uri("/sluice/contract-" + UUID.randomUUID().toString().substring(0, 8));

    @Override
    protected SinkFactory factory() {
        return new HdfsSinkFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("path", base, "format", "jsonl", "partition-by", List.of("n"));
    }

    @Override
    protected List<String> visibleIds(long batchTime) throws Exception {
        FileSystem fileSystem = MiniHdfs.get().fileSystem();
        Path basePath = new Path(base);
        List<String> ids = new ArrayList<>();
        if (!fileSystem.exists(basePath)) {
            return ids;
        }
        ObjectMapper json = new ObjectMapper();
        for (String file : HdfsFiles.dataFiles(fileSystem, basePath)) {
            if (file.contains("/batch=" + batchTime + "/")) {
                for (String line : HdfsFiles.lines(fileSystem, new Path(basePath, file))) {
                    ids.add(json.readTree(line).get(ID_FIELD).asText());
                }
            }
        }
        return ids;
    }
}
