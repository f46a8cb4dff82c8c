package io.sluice.hbase;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HBase {@link Connection} per cluster per JVM (driver or executor): heavy, thread-safe and
 * meant to be shared; partition writers take light BufferedMutators from it. Created on first use,
 * closed when the JVM shuts down. A connection found closed (after an abort) is replaced. Thread-safe.
 */
final class HbaseConnections {
    private static final Logger LOG = LoggerFactory.getLogger(HbaseConnections.class);
    private static final Map<String, Connection> CONNECTIONS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(HbaseConnections::closeAll, "sluice-hbase-connections-shutdown"));
    }

    private HbaseConnections() {}

    static Connection get(HbaseSinkOptions options) throws IOException {
        String key = options.zookeeperQuorum() + '\u0000' + options.clientConfig();
        Connection connection = CONNECTIONS.get(key);
        if (connection != null && !connection.isClosed() && !connection.isAborted()) {
            return connection;
        }
        synchronized (HbaseConnections.class) {
            connection = CONNECTIONS.get(key);
            if (connection == null || connection.isClosed() || connection.isAborted()) {
                LOG.info("Opening an HBase connection to [{}]", options.zookeeperQuorum() != null ? options.zookeeperQuorum() : options.clientConfig());
                connection = ConnectionFactory.createConnection(configuration(options));
                CONNECTIONS.put(key, connection);
            }
            return connection;
        }
    }

    static Configuration configuration(HbaseSinkOptions options) {
        Configuration conf = HBaseConfiguration.create();
        if (options.clientConfig() != null) {
            conf.addResource(new Path(options.clientConfig()));
        }
        if (options.zookeeperQuorum() != null) {
            conf.set(HConstants.ZOOKEEPER_QUORUM, options.zookeeperQuorum());
        }
        return conf;
    }

    private static void closeAll() {
        for (Connection connection : CONNECTIONS.values()) {
            try {
                connection.close();
            }
            catch (IOException | RuntimeException e) {
                // The JVM is exiting.
            }
        }
        CONNECTIONS.clear();
    }
}
