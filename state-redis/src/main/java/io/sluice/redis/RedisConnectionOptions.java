package io.sluice.redis;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.Options;
import io.sluice.api.option.Secret;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.UnifiedJedis;

/**
 * Where Redis is and how to connect, shared by the {@code redis} state store and sink: one of a
 * {@code uri}, a Sentinel master with its sentinels, or the nodes of a cluster; plus password, pool
 * size and timeout. Immutable and serializable: it is shipped to executors and keys their per-JVM
 * pools ({@link RedisClients}), so equal options share one pool. The password is a {@link Secret};
 * {@link #toString()} and {@link #describe()} never show it.
 */
public final class RedisConnectionOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    static final OptionSpec<String> URI_OPTION = OptionSpec.string("uri")
            .doc("A single Redis server: redis://[user@]host[:port][/database], or rediss:// for TLS; no password here, use [password]");
    static final OptionSpec<Secret> PASSWORD = OptionSpec.secret("password")
            .doc("Password for AUTH (with the uri's user, if any); write ${REDIS_PASSWORD} rather than a literal");
    static final OptionSpec<Integer> DATABASE = OptionSpec.integer("database").atLeast(0)
            .doc("Database number; default: the uri's path, else 0. Not with cluster-nodes");
    static final OptionSpec<String> SENTINEL_MASTER = OptionSpec.string("sentinel-master")
            .doc("Name of the master that the sentinels watch; with [sentinels], instead of [uri]");
    static final OptionSpec<List<String>> SENTINELS = OptionSpec.stringList("sentinels")
            .doc("Sentinels as host:port, with [sentinel-master]");
    static final OptionSpec<List<String>> CLUSTER_NODES = OptionSpec.stringList("cluster-nodes")
            .doc("Some nodes of a Redis Cluster as host:port, instead of [uri]; the rest are discovered");
    static final OptionSpec<Integer> POOL_SIZE = OptionSpec.integer("pool-size").defaultValue(8).atLeast(1)
            .doc("Connections per executor JVM (per node for a cluster)");
    static final OptionSpec<Duration> TIMEOUT = OptionSpec.duration("timeout").defaultValue(Duration.ofSeconds(2)).atLeast(1)
            .doc("Connect and read timeout, and the longest wait for a pooled connection");

    /** The connection options, in documentation order; every Redis plugin takes them. */
    static final List<OptionSpec<?>> SPECS = List.of(URI_OPTION, PASSWORD, DATABASE, SENTINEL_MASTER, SENTINELS, CLUSTER_NODES,
            POOL_SIZE, TIMEOUT);

    private static final int DEFAULT_PORT = 6379;

    /** How the servers are found. */
    enum Mode {
        STANDALONE,
        SENTINEL,
        CLUSTER
    }

    private final Mode mode;
    private final List<String> nodes;
    private final String sentinelMaster;
    private final boolean ssl;
    private final String user;
    private final Secret password;
    private final int database;
    private final int poolSize;
    private final long timeoutMillis;

    private RedisConnectionOptions(Mode mode, List<String> nodes, String sentinelMaster, boolean ssl, String user, Secret password,
            int database, int poolSize, long timeoutMillis) {
        this.mode = requireNonNull(mode, "mode is null");
        this.nodes = List.copyOf(nodes);
        this.sentinelMaster = sentinelMaster;
        this.ssl = ssl;
        this.user = user;
        this.password = password;
        this.database = database;
        this.poolSize = poolSize;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Reads the connection options of a plugin block, checking the rules between them.
     *
     * @throws SluiceException (a user error) naming the options at fault
     */
    static RedisConnectionOptions parse(Options options) {
        Optional<String> uri = options.find(URI_OPTION);
        Optional<String> master = options.find(SENTINEL_MASTER);
        Optional<List<String>> sentinels = options.find(SENTINELS);
        Optional<List<String>> cluster = options.find(CLUSTER_NODES);
        int ways = (uri.isPresent() ? 1 : 0) + (master.isPresent() || sentinels.isPresent() ? 1 : 0) + (cluster.isPresent() ? 1 : 0);
        if (ways != 1) {
            throw SluiceException.user("set exactly one of option [uri], options [sentinel-master] with [sentinels], or option [cluster-nodes]"
                    + (ways == 0 ? ", e.g. uri = \"redis://localhost:6379\"" : "; more than one is set"));
        }
        Secret password = options.find(PASSWORD).orElse(null);
        int poolSize = options.get(POOL_SIZE);
        long timeout = options.get(TIMEOUT).toMillis();
        Optional<Integer> database = options.find(DATABASE);
        if (uri.isPresent()) {
            return fromUri(uri.get(), password, database, poolSize, timeout);
        }
        if (master.isPresent() != sentinels.isPresent()) {
            throw SluiceException.user("options [sentinel-master] and [sentinels] go together; set both");
        }
        if (master.isPresent()) {
            return new RedisConnectionOptions(Mode.SENTINEL, hostPorts("sentinels", sentinels.get()), master.get(), false, null, password,
                    database.orElse(0), poolSize, timeout);
        }
        if (database.orElse(0) != 0) {
            throw SluiceException.user("option [database] must be 0 with [cluster-nodes]: Redis Cluster has only database 0");
        }
        return new RedisConnectionOptions(Mode.CLUSTER, hostPorts("cluster-nodes", cluster.get()), null, false, null, password, 0, poolSize,
                timeout);
    }

    private static RedisConnectionOptions fromUri(String text, Secret password, Optional<Integer> databaseOption, int poolSize, long timeout) {
        URI uri;
        try {
            uri = new URI(text.trim());
        }
        catch (URISyntaxException e) {
            throw SluiceException.user("option [uri] is not a URI: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw SluiceException.user("option [uri] must start with redis:// or rediss://, got [" + scheme + "]");
        }
        if (uri.getHost() == null) {
            throw SluiceException.user("option [uri] has no host; write redis://host:port");
        }
        String user = null;
        if (uri.getUserInfo() != null) {
            if (uri.getUserInfo().contains(":")) {
                // Refuse rather than mask: a password in a URI ends up in logs and banners sooner or later.
                throw SluiceException.user("option [uri] must not hold a password; put it in option [password] (a secret)");
            }
            user = uri.getUserInfo().isEmpty() ? null : uri.getUserInfo();
        }
        Integer uriDatabase = null;
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        if (!path.isEmpty()) {
            try {
                uriDatabase = Integer.parseInt(path);
            }
            catch (NumberFormatException e) {
                throw SluiceException.user("option [uri] path must be a database number, got [" + path + "]");
            }
        }
        if (uriDatabase != null && databaseOption.isPresent() && !uriDatabase.equals(databaseOption.get())) {
            throw SluiceException.user("option [database] [" + databaseOption.get() + "] contradicts the uri's database [" + uriDatabase + "]");
        }
        int database = databaseOption.orElse(uriDatabase == null ? 0 : uriDatabase);
        String node = uri.getHost() + ":" + (uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
        return new RedisConnectionOptions(Mode.STANDALONE, List.of(node), null, "rediss".equals(scheme), user, password, database, poolSize,
                timeout);
    }

    private static List<String> hostPorts(String option, List<String> values) {
        if (values.isEmpty()) {
            throw SluiceException.user("option [" + option + "] is empty; list host:port entries");
        }
        List<String> nodes = new ArrayList<>();
        for (String value : values) {
            String entry = value.trim();
            int colon = entry.lastIndexOf(':');
            try {
                int port = Integer.parseInt(entry.substring(colon + 1));
                if (colon <= 0 || port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                nodes.add(entry.substring(0, colon) + ":" + port);
            }
            catch (NumberFormatException e) {
                throw SluiceException.user("option [" + option + "] entry [" + value + "] is not host:port");
            }
        }
        return nodes;
    }

    /** Opens a pooled client; called once per JVM and options by {@link RedisClients}. */
    UnifiedJedis open() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(0);
        pool.setMaxWait(Duration.ofMillis(timeoutMillis));
        // A pooled connection that died while Redis was away is found and dropped before use.
        pool.setTestOnBorrow(true);
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeoutMillis)
                .socketTimeoutMillis((int) timeoutMillis)
                .clientName("sluice")
                .ssl(ssl)
                .database(database);
        if (user != null) {
            client.user(user);
        }
        if (password != null) {
            client.password(password.reveal());
        }
        JedisClientConfig config = client.build();
        Set<HostAndPort> hostPorts = new LinkedHashSet<>();
        nodes.forEach(node -> hostPorts.add(HostAndPort.from(node)));
        return switch (mode) {
            case STANDALONE -> new JedisPooled(hostPorts.iterator().next(), config, pool);
            case SENTINEL -> new JedisSentineled(sentinelMaster, config, pool, hostPorts, DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis((int) timeoutMillis).socketTimeoutMillis((int) timeoutMillis).build());
            case CLUSTER -> new JedisCluster(hostPorts, config, pool);
        };
    }

    Mode mode() {
        return mode;
    }

    /** Where the data goes, for banners and messages; never the password. */
    public String describe() {
        return switch (mode) {
            case STANDALONE -> (ssl ? "rediss://" : "redis://") + (user == null ? "" : user + "@") + nodes.get(0) + "/" + database;
            case SENTINEL -> "redis sentinel master [" + sentinelMaster + "] via " + nodes + " database " + database;
            case CLUSTER -> "redis cluster " + nodes;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedisConnectionOptions that && mode == that.mode && nodes.equals(that.nodes)
                && Objects.equals(sentinelMaster, that.sentinelMaster) && ssl == that.ssl && Objects.equals(user, that.user)
                && Objects.equals(password, that.password) && database == that.database && poolSize == that.poolSize
                && timeoutMillis == that.timeoutMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, nodes, sentinelMaster, ssl, user, password, database, poolSize, timeoutMillis);
    }

    @Override
    public String toString() {
        return "RedisConnectionOptions{" + describe() + (password == null ? "" : ", password=" + password) + ", poolSize=" + poolSize
                + ", timeout=" + timeoutMillis + "ms}";
    }
}
