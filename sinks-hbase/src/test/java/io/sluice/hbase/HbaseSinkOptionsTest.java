package io.sluice.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.RecordException;
import io.sluice.api.error.SluiceException;
import io.sluice.api.plugin.PluginModule;
import io.sluice.api.record.Record;

/** Every option's default, every option set, the rules between options, the row-key template, and discovery. */
class HbaseSinkOptionsTest {
    @Test
    void defaults() {
        HbaseSinkOptions options = parse(Map.of("zookeeper-quorum", "zk:2181", "table", "counts", "row-key", "${level}"));
        assertThat(options.clientConfig()).isNull();
        assertThat(options.columnFamily()).isEqualTo("d");
        assertThat(options.qualifiers()).isEmpty();
        assertThat(options.createTable()).isFalse();
        assertThat(options.writeBufferSize()).isEqualTo(2L * 1024 * 1024);
    }

    @Test
    void everyOptionSet() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("zookeeper-quorum", "zk1:2181,zk2:2181");
        raw.put("client-config", "/etc/hbase/conf/hbase-site.xml");
        raw.put("table", "metrics:counts");
        raw.put("column-family", "c");
        raw.put("row-key", "${level}#${window_end}");
        raw.put("columns", List.of("n = count", "host"));
        raw.put("create-table", true);
        raw.put("write-buffer-size", 4096);
        HbaseSinkOptions options = parse(raw);
        assertThat(options.zookeeperQuorum()).isEqualTo("zk1:2181,zk2:2181");
        assertThat(options.clientConfig()).isEqualTo("/etc/hbase/conf/hbase-site.xml");
        assertThat(options.table()).isEqualTo("metrics:counts");
        assertThat(options.columnFamily()).isEqualTo("c");
        assertThat(options.rowKey().fields()).containsExactly("level", "window_end");
        assertThat(options.qualifiers()).containsExactly("n", "host");
        assertThat(options.fields()).containsExactly("count", "host");
        assertThat(options.createTable()).isTrue();
        assertThat(options.writeBufferSize()).isEqualTo(4096);
    }

    @Test
    void theRowKeyRendersFieldsAndRefusesARecordWithoutOne() {
        HbaseRowKey key = HbaseRowKey.parse("${level}#${window_end}");
        Record record = Record.builder().field("level", "WARN").field("window_end", Instant.parse("2026-11-30T05:00:10Z")).build();
        assertThat(key.render(record)).isEqualTo("WARN#2026-11-30T05:00:10Z");
        assertThatThrownBy(() -> key.render(Record.builder().field("level", "WARN").build()))
                .isInstanceOf(RecordException.class).hasMessageContaining("field [window_end] of row key");
    }

    @Test
    void rulesBetweenOptionsAreCheckedTogether() {
        assertThatThrownBy(() -> parse(Map.of("table", "t", "row-key", "constant", "columns", List.of("= count"))))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("option [zookeeper-quorum] or [client-config] is required")
                .hasMessageContaining("option [row-key] must reference at least one field")
                .hasMessageContaining("option [columns] entries must read [qualifier] or [qualifier = field]");
    }

    @Test
    void theModuleIsFoundAsProductionFindsIt() {
        assertThat(ServiceLoader.load(PluginModule.class).stream().map(ServiceLoader.Provider::type)).contains(HbasePluginModule.class);
    }

    private static HbaseSinkOptions parse(Map<String, ?> raw) {
        return HbaseSinkOptions.parse(HbaseSinkOptions.SPECS.parse(raw));
    }
}
