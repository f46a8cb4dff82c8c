package io.sluice.hbase;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

import io.sluice.api.sink.SinkFactory;
import io.sluice.testkit.contract.SinkContractTest;

/** The {@code hbase} sink keeps the sink contract against the mini cluster: one row per record, keyed by its id. */
class HbaseSinkContractTest extends SinkContractTest {
    private final String table = "contract_" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    protected SinkFactory factory() {
        return new HbaseSinkFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("zookeeper-quorum", TestingHbaseCluster.get().zookeeperQuorum(), "table", table, "row-key", "${id}",
                "create-table", true);
    }

    @Override
    protected List<String> visibleIds(long batchTime) throws Exception {
        List<String> ids = new ArrayList<>();
        var options = HbaseSinkOptions.parse(HbaseSinkOptions.SPECS.parse(options()));
        try (Table handle = HbaseConnections.get(options).getTable(TableName.valueOf(table));
                ResultScanner scanner = handle.getScanner(new Scan().setRowPrefixFilter(("b" + batchTime + "-").getBytes(UTF_8)))) {
            for (Result result : scanner) {
                ids.add(new String(result.getRow(), UTF_8));
            }
        }
        catch (org.apache.hadoop.hbase.TableNotFoundException e) {
            // Nothing written yet.
        }
        return ids;
    }
}
