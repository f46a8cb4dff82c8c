package io.sluice.core.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.sluice.api.error.SluiceException;

/**
 * Serves {@code /metrics} (Prometheus text format) and {@code /health} for ops while a pipeline
 * runs. Health is up once the pipeline runs and its last batch completed within three batch
 * intervals (at least a minute), so a stuck or lagging pipeline turns unhealthy.
 */
final class MonitoringServer implements AutoCloseable {
    private final HttpServer server;
    private final String pipeline;
    private final PipelineCounters counters;
    private final BatchStats stats;
    private final long staleAfterMillis;
    private final long startedAt = System.currentTimeMillis();

    private MonitoringServer(HttpServer server, String pipeline, PipelineCounters counters, BatchStats stats, Duration batchInterval) {
        this.server = server;
        this.pipeline = pipeline;
        this.counters = counters;
        this.stats = stats;
        this.staleAfterMillis = Math.max(60_000, 3 * batchInterval.toMillis());
    }

    static MonitoringServer start(String host, int port, String pipeline, PipelineCounters counters, BatchStats stats, Duration batchInterval) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        }
        catch (IOException e) {
            throw SluiceException.user("cannot serve /metrics on [" + host + ":" + port + "] (pipeline.http-port): " + e.getMessage());
        }
        MonitoringServer monitoring = new MonitoringServer(server, requireNonNull(pipeline, "pipeline is null"),
                requireNonNull(counters, "counters is null"), requireNonNull(stats, "stats is null"), batchInterval);
        server.createContext("/metrics", monitoring::metrics);
        server.createContext("/health", monitoring::health);
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sluice-monitoring");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return monitoring;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void metrics(HttpExchange exchange) throws IOException {
        String label = "{pipeline=\"" + pipeline.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        StringBuilder text = new StringBuilder();
        counter(text, "sluice_records_read_total", "Records read from sources", label, counters.read().value());
        counter(text, "sluice_records_filtered_total", "Records dropped by filters", label, counters.filtered().value());
        counter(text, "sluice_records_dead_lettered_total", "Records sent to the dead-letter sink", label, counters.deadLettered().value());
        counter(text, "sluice_records_written_total", "Records written by sinks (each sink counts)", label, counters.written().value());
        counter(text, "sluice_batches_completed_total", "Batches completed", label, stats.completedBatches.get());
        gauge(text, "sluice_last_batch_time_seconds", "Batch time of the last completed batch", label, stats.lastBatchTime.get() / 1000.0);
        gauge(text, "sluice_last_batch_processing_seconds", "Processing time of the last batch", label, stats.lastProcessingMillis.get() / 1000.0);
        gauge(text, "sluice_last_batch_scheduling_delay_seconds", "Scheduling delay of the last batch", label,
                stats.lastSchedulingDelayMillis.get() / 1000.0);
        respond(exchange, 200, "text/plain; version=0.0.4", text.toString());
    }

    private void health(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        long last = stats.lastCompletedAt.get();
        boolean healthy = last >= 0 ? now - last <= staleAfterMillis : now - startedAt <= staleAfterMillis;
        String body = "{\"pipeline\":\"" + pipeline + "\",\"status\":\"" + (healthy ? "up" : "down") + "\",\"completedBatches\":"
                + stats.completedBatches.get() + ",\"lastBatchTime\":" + stats.lastBatchTime.get() + "}\n";
        respond(exchange, healthy ? 200 : 503, "application/json", body);
    }

    private static void counter(StringBuilder text, String name, String help, String label, long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(label).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder text, String name, String help, String label, double value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(label).append(' ').append(value).append('\n');
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
