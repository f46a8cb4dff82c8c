package io.sluice.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.SluiceException;
import io.sluice.api.plugin.PluginModule;
import io.sluice.api.record.FieldType;

/** Every option's default, every option set, the rules between options, and discovery. */
class HdfsSinkOptionsTest {
    @Test
    void defaults() {
        assertThat(parse(Map.of("path", "hdfs://nn:8020/out"))).isEqualTo(new HdfsSinkOptions("hdfs://nn:8020/out", HdfsFormat.JSONL,
                HdfsCompression.NONE, false, List.of(), Map.of(), List.of(), HdfsTimePartitioning.NONE, null));
    }

    @Test
    void everyOptionSet() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("path", "file:/data/out");
        raw.put("format", "csv");
        raw.put("compression", "gzip");
        raw.put("header", true);
        raw.put("fields", List.of("count", "window_end"));
        raw.put("schema", List.of("count long", "window_end timestamp"));
        raw.put("partition-by", List.of("level"));
        raw.put("partition-by-time", "hour");
        raw.put("time-field", "window_end");
        assertThat(parse(raw)).isEqualTo(new HdfsSinkOptions("file:/data/out", HdfsFormat.CSV, HdfsCompression.GZIP, true,
                List.of("count", "window_end"), Map.of("count", FieldType.LONG, "window_end", FieldType.TIMESTAMP), List.of("level"),
                HdfsTimePartitioning.HOUR, "window_end"));
    }

    @Test
    void aRelativeLocalPathBecomesAbsolute() {
        assertThat(parse(Map.of("path", "file:out")).path()).startsWith("file:/").endsWith("/out");
    }

    @Test
    void rulesBetweenOptionsAreCheckedTogether() {
        assertThatThrownBy(() -> parse(Map.of("path", "hdfs://nn/out", "header", true, "schema", List.of("count integer"),
                "fields", List.of("level"), "partition-by", List.of("level"), "time-field", "ts")))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("option [header] applies to format [csv] only")
                .hasMessageContaining("option [schema] entries must read [field type]")
                .hasMessageContaining("option [partition-by] field [level] names directories")
                .hasMessageContaining("option [time-field] applies only with [partition-by-time]");
    }

    @Test
    void theModuleIsFoundAsProductionFindsIt() {
        assertThat(ServiceLoader.load(PluginModule.class).stream().map(ServiceLoader.Provider::type)).contains(HdfsPluginModule.class);
    }

    private static HdfsSinkOptions parse(Map<String, ?> raw) {
        return HdfsSinkOptions.parse(HdfsSinkOptions.SPECS.parse(raw));
    }
}
