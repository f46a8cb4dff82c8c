package io.sluice.bench;

import java.util.concurrent.CountDownLatch;

import io.sluice.testkit.kafka.KafkaBroker;

/**
 * The harness's Kafka broker (the testkit's {@link KafkaBroker}) and the log-line topic in it, as a
 * run sets them up; also {@code java -jar sluice-bench.jar broker [--lines=N] [--topic=T]}, which
 * sets them up the same way and keeps the broker running until stopped (Ctrl-C, SIGTERM), so that
 * harnesses started with {@code --bootstrap-servers} run against the same broker and lines (they
 * create and grow the sustained probes' topic there themselves).
 */
final class BenchBroker {
    static final String USAGE = """
            usage: java -jar bench/target/sluice-bench.jar broker [--lines=N] [--topic=T]
              --lines=5000000          N lines in the topic, as in a run with the same --lines
              --topic=bench-log-lines
            Starts a Kafka broker, fills the topic, prints its address and runs until Ctrl-C or SIGTERM.
            """;

    private BenchBroker() {
    }

    /** Creates {@code topic} and fills it with N {@link LogLines}, as every run against this broker expects. */
    static void fill(KafkaBroker broker, String topic, int partitions, long lines) {
        broker.createTopic(topic, partitions);
        long start = System.nanoTime();
        TopicLoader.fill(broker.bootstrapServers(), topic, partitions, lines);
        System.out.printf("Broker %s; topic [%s] filled with %,d lines in %.1f s%n", broker.bootstrapServers(), topic, lines,
                (System.nanoTime() - start) / 1e9);
    }

    static void run(String[] args) throws InterruptedException {
        long lines = BenchSettings.DEFAULT_LINES;
        String topic = BenchSettings.DEFAULT_TOPIC;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(2, equals) : "";
            String value = equals > 0 ? arg.substring(equals + 1) : "";
            switch (name) {
                case "lines" -> lines = Long.parseLong(value.replace("_", ""));
                case "topic" -> topic = value;
                default -> {
                    System.out.print(arg.equals("--help") ? USAGE : "unknown argument [" + arg + "]\n" + USAGE);
                    System.exit(arg.equals("--help") ? 0 : 2);
                }
            }
        }
        KafkaBroker broker = KafkaBroker.start();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C and SIGTERM run shutdown hooks: stop the broker (and delete its data) on the way out.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "bench-broker-stop"));
        fill(broker, topic, BenchSettings.PARTITIONS, lines);
        System.out.printf("Bootstrap servers: %s%n", broker.bootstrapServers());
        System.out.printf("Run against it:    java -jar bench/target/sluice-bench.jar --bootstrap-servers=%s --lines=%d%s --variants=sluice%n",
                broker.bootstrapServers(), lines, topic.equals(BenchSettings.DEFAULT_TOPIC) ? "" : " --topic=" + topic);
        System.out.println("Ctrl-C or SIGTERM stops the broker and deletes its data.");
        stopped.await();
    }
}
