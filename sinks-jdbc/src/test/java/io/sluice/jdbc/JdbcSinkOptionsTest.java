package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionsException;
import io.sluice.api.option.Secret;
import io.sluice.api.plugin.PluginModule;

/** Every option's default, every option set, the rules between options, secrets masked, and discovery. */
class JdbcSinkOptionsTest {
    @Test
    void defaults() {
        JdbcSinkOptions options = parse(Map.of("url", "jdbc:postgresql://db/metrics", "table", "counts"));
        assertThat(options.dialect()).isEqualTo(JdbcDialect.POSTGRESQL);
        assertThat(options.mode()).isEqualTo(JdbcMode.APPEND);
        assertThat(options.exactlyOnce()).isFalse();
        assertThat(options.key()).isEmpty();
        assertThat(options.columns()).isEmpty();
        assertThat(options.columnTypes()).isEmpty();
        assertThat(options.batchSize()).isEqualTo(500);
        assertThat(options.createTable()).isFalse();
        assertThat(options.markerRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(options.connection()).isEqualTo(new JdbcConnectionSettings("jdbc:postgresql://db/metrics", null, null, 4,
                Duration.ofSeconds(30), Map.of("reWriteBatchedInserts", "true")));
    }

    @Test
    void everyOptionSet() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("url", "jdbc:mariadb://db/metrics");
        raw.put("user", "sluice");
        raw.put("password", "s3cret");
        raw.put("table", "metrics.counts");
        raw.put("mode", "upsert");
        raw.put("exactly-once", true);
        raw.put("key", List.of("level", "window_end"));
        raw.put("columns", List.of("level", "n = count", "window_end"));
        raw.put("column-types", List.of("level VARCHAR(16)"));
        raw.put("batch-size", 50);
        raw.put("create-table", true);
        raw.put("pool-size", 2);
        raw.put("connection-timeout", "5s");
        raw.put("properties", Map.of("connectTimeout", 1000));
        raw.put("marker-retention", "1d");
        JdbcSinkOptions options = parse(raw);
        assertThat(options).isEqualTo(new JdbcSinkOptions(
                new JdbcConnectionSettings("jdbc:mariadb://db/metrics", "sluice", Secret.of("s3cret"), 2, Duration.ofSeconds(5),
                        Map.of("connectTimeout", "1000")),
                JdbcDialect.MARIADB, "metrics.counts", JdbcMode.UPSERT, true, List.of("level", "window_end"),
                List.of("level", "n", "window_end"), List.of("level", "count", "window_end"), Map.of("level", "VARCHAR(16)"),
                50, true, Duration.ofDays(1)));
        assertThat(options.toString()).doesNotContain("s3cret").contains("[hidden]");
        assertThat(JdbcSinkOptions.SPECS.secretKeys()).containsExactly("password");
    }

    @Test
    void rulesBetweenOptionsAreCheckedTogether() {
        assertThatThrownBy(() -> parse(Map.of("url", "jdbc:oracle:thin:@db", "table", "bad-name; DROP", "mode", "upsert",
                "column-types", List.of("level VARCHAR(16)"))))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("option [url] expected a jdbc:postgresql:")
                .hasMessageContaining("option [table] must be a plain name")
                .hasMessageContaining("option [key] is required with mode [upsert]")
                .hasMessageContaining("option [column-types] applies only with [create-table = true]");
        assertThatThrownBy(() -> parse(Map.of("url", "jdbc:h2:mem:x", "table", "t", "columns", List.of("a"), "key", List.of("b"))))
                .hasMessageContaining("option [key] names column [b], which is not in [columns] [a]");
        assertThatThrownBy(() -> parse(Map.of("url", "jdbc:h2:mem:x", "table", "t", "batch-sise", 5)))
                .isInstanceOf(OptionsException.class)
                .hasMessageContaining("did you mean [batch-size]?");
    }

    @Test
    void theModuleIsFoundAsProductionFindsIt() {
        assertThat(ServiceLoader.load(PluginModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(JdbcPluginModule.class);
        assertThat(new JdbcSinkFactory().type()).isEqualTo("jdbc");
    }

    private static JdbcSinkOptions parse(Map<String, ?> raw) {
        return JdbcSinkOptions.parse(JdbcSinkOptions.SPECS.parse(raw));
    }
}
