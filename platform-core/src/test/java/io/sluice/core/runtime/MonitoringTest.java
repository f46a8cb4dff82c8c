package io.sluice.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.memory.MemoryStreams;

/** {@code /metrics} and {@code /health} while a pipeline runs. */
@Timeout(120)
class MonitoringTest {
    @TempDir
    Path work;

    @Test
    void servesMetricsAndHealth() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        MemoryStreams.feed("mon-" + id, List.of(Record.builder().field("level", "INFO").build(),
                Record.builder().field("level", "WARN").build(), Record.builder().field("level", "DEBUG").build()));
        Path file = TestPipelines.write(work, "mon.conf", """
                pipeline { name = mon-%s, batch-interval = 500ms, checkpoint = "file:%s/cp", http-port = %d, http-host = "127.0.0.1" }
                sources = [ { type = memory, stream = mon-%s } ]
                transforms = [ { type = filter, expression = "level != 'DEBUG'" } ]
                sinks = [ { type = memory, stream = mon-%s-out } ]
                """.formatted(id, work, port, id, id));
        HttpClient http = HttpClient.newHttpClient();
        URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        String[] seen = new String[2];
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> {
            try {
                seen[0] = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
                HttpResponse<String> healthResponse = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                seen[1] = healthResponse.statusCode() + " " + healthResponse.body();
                return seen[0].contains("sluice_records_written_total{pipeline=\"mon-" + id + "\"} 2");
            }
            catch (java.io.IOException e) {
                return false;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, Duration.ofSeconds(60));
        assertThat(seen[0])
                .contains("sluice_records_read_total{pipeline=\"mon-" + id + "\"} 3")
                .contains("sluice_records_filtered_total{pipeline=\"mon-" + id + "\"} 1")
                .contains("# TYPE sluice_batches_completed_total counter");
        assertThat(seen[1]).startsWith("200 {\"pipeline\":\"mon-" + id + "\",\"status\":\"up\"");
    }
}
