package io.sluice.testkit.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from
 * Kafka's own jars in a forked JVM on 127.0.0.1 with free ports, for tests. Started once per test
 * JVM by {@link #shared()} and stopped by a shutdown hook; its data lives under
 * {@code target/kafka-broker-*} and is deleted on stop. Topics are not created automatically.
 *
 * <p>Why forked: the broker then has its own threads, logging and Scala runtime, so it cannot
 * disturb (or be disturbed by) the Spark driver the test runs, and a test can never leave a
 * half-stopped broker behind in the test JVM.
 *
 * <p>Classpath: the broker runs {@code kafka.Kafka} from the test JVM's own classpath, so a module
 * using this class declares {@code org.apache.kafka:kafka_2.12} (test scope) next to the testkit;
 * the testkit itself only needs {@code kafka-clients}. Set the system property
 * {@code sluice.kafka.classpath} to run the broker from other jars.
 *
 * <p>Thread-safe: helpers may be called from any thread.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Object LOCK = new Object();
    private static KafkaBroker shared;

    private final Path directory;
    private final int port;
    private final Process process;
    private final Admin admin;
    private KafkaProducer<byte[], byte[]> producer;

    private KafkaBroker(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    // Created after the broker answers, so start-up does not fill the log with connection warnings.
    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    // One request in flight: a refused first batch cannot leave later ones out of sequence.
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** The broker of this test JVM, started on first use and stopped when the JVM exits. */
    public static KafkaBroker shared() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = start();
                KafkaBroker broker = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
            }
            return shared;
        }
    }

    /** Starts a new broker; the caller closes it. Prefer {@link #shared()}: a broker takes seconds to start. */
    public static KafkaBroker start() {
        try {
            Path directory = Files.createTempDirectory(Files.createDirectories(Paths.get("target")).toAbsolutePath(), "kafka-broker-");
            int port = freePort();
            int controllerPort = freePort();
            Path config = directory.resolve("server.properties");
            Files.writeString(config, serverProperties(directory.resolve("data"), port, controllerPort), UTF_8);
            String classpath = classpath();
            Path log = directory.resolve("broker.log");
            // KRaft needs its storage formatted with a cluster id before the first start.
            Process format = java(classpath, "kafka.tools.StorageTool", log,
                    "format", "-t", clusterId(), "-c", config.toString());
            if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka broker's storage failed; see " + log);
            }
            Process server = java(classpath, "kafka.Kafka", log, config.toString());
            KafkaBroker broker = new KafkaBroker(directory, port, server);
            broker.awaitReady(log);
            return broker;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start a Kafka broker", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a Kafka broker", e);
        }
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** An admin client for the broker, shared; do not close it. */
    public Admin admin() {
        return admin;
    }

    /** Creates a topic with {@code partitions} partitions and waits until it exists. */
    public void createTopic(String topic, int partitions) {
        await(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
        // Leadership is taken asynchronously after the controller assigns it: until the broker
        // answers a leader-only request for every partition, produce requests may be refused.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
                Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
                admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
                return;
            }
            catch (ExecutionException | TimeoutException e) {
                sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("topic [" + topic + "] has no serving leaders after 30s");
    }

    /** Sends records and waits until the broker acknowledged every one. */
    public void produce(Collection<ProducerRecord<byte[], byte[]>> records) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> record : records) {
            sent.add(producer().send(record));
        }
        producer().flush();
        for (java.util.concurrent.Future<?> future : sent) {
            await(future);
        }
    }

    /** Sends UTF-8 values without keys to one partition, in order. */
    public void produceStrings(String topic, int partition, List<String> values) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(values.size());
        for (String value : values) {
            records.add(new ProducerRecord<>(topic, partition, null, value.getBytes(UTF_8)));
        }
        produce(records);
    }

    /** Sends one UTF-8 keyed value; the default partitioner picks the partition from the key. */
    public void produceKeyed(String topic, String key, String value) {
        produce(List.of(new ProducerRecord<>(topic, key == null ? null : key.getBytes(UTF_8), value == null ? null : value.getBytes(UTF_8))));
    }

    /** Every record in the topic now, partition by partition, each in offset order. */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .collect(Collectors.toList());
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = ends.get(partition);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (consumer.position(partition) < end) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not read " + partition + " up to offset " + end + " within 60s");
                    }
                    consumer.poll(Duration.ofMillis(200)).records(partition).stream()
                            .filter(record -> record.offset() < end)
                            .forEach(all::add);
                }
            }
            return all;
        }
    }

    /** The next offset of each partition of a topic (its log end). */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        TopicDescription description = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return await(admin.listOffsets(request).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** The offsets a consumer group committed, by partition; empty for an unknown group. */
    public Map<TopicPartition, Long> committedOffsets(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        return committed.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Stops the broker and deletes its data. Idempotent. */
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        admin.close(Duration.ofSeconds(5));
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteRecursively(directory);
    }

    private void awaitReady(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with [" + process.exitValue() + "]; see " + log);
            }
            try {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            }
            catch (ExecutionException | TimeoutException e) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("the Kafka broker did not answer within " + START_TIMEOUT + "; see " + log);
    }

    private static String serverProperties(Path data, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", data.toString());
        properties.put("auto.create.topics.enable", "false");
        properties.put("num.partitions", "1");
        // One node: every internal topic has one replica; few partitions keep start-up quick.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "4");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "4");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        StringBuilder text = new StringBuilder();
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> text.append(key).append('=').append(properties.getProperty(key)).append('\n'));
        return text.toString();
    }

    private static Process java(String classpath, String mainClass, Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static String classpath() {
        String override = System.getProperty("sluice.kafka.classpath");
        if (override != null && !override.isBlank()) {
            return override;
        }
        try {
            Class.forName("kafka.Kafka", false, KafkaBroker.class.getClassLoader());
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException("KafkaBroker runs the broker from the test classpath, which has no kafka.Kafka: "
                    + "add org.apache.kafka:kafka_2.12 (test scope) to the module, or set -Dsluice.kafka.classpath", e);
        }
        // Surefire's manifest-only jar carries the real classpath in its manifest; java follows it.
        return System.getProperty("java.class.path").replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }

    private static String clusterId() {
        // Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding.
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka request failed: " + e.getMessage(), e);
        }
    }

    private static void await(java.util.concurrent.Future<?> future) {
        try {
            future.get(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("producing to Kafka failed: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            // Best effort: target/ is cleaned by the build anyway.
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker{" + bootstrapServers() + ", " + directory + "}";
    }
}
