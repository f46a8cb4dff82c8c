package io.sluice.testkit.hbase;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Runs HBase's mini cluster (one master, one region server, ZooKeeper, HDFS) until its standard
 * input closes, then stops it and exits. Prints {@code HBASE-MINI-CLUSTER READY zookeeper-port=<port>}
 * once it serves. Lines on stdin control it, for outage tests: {@code stop-regionserver} (answers
 * {@code REGIONSERVER STOPPED}) and {@code start-regionserver} (answers {@code REGIONSERVER STARTED}). Started by tests as a separate JVM with {@code target/fixture-classpath.txt};
 * HBase's classes are reached through method handles so that this module compiles against nothing of
 * them (plain reflection would load every method's types, some from jars the cluster does not need).
 *
 * <p>Argument: the directory for the cluster's data.
 */
public final class HbaseMiniClusterMain {
    private HbaseMiniClusterMain() {}

    public static void main(String[] args) throws Throwable {
        File data = new File(args.length > 0 ? args[0] : "target/hbase-mini-cluster").getAbsoluteFile();
        System.setProperty("test.build.data.basedirectory", data.getPath());
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> utilityClass = Class.forName("org.apache.hadoop.hbase.HBaseTestingUtility");
        Class<?> confClass = Class.forName("org.apache.hadoop.conf.Configuration");
        Class<?> clusterClass = Class.forName("org.apache.hadoop.hbase.MiniHBaseCluster");
        Class<?> zookeeperClass = Class.forName("org.apache.hadoop.hbase.zookeeper.MiniZooKeeperCluster");
        Object utility = lookup.findConstructor(utilityClass, MethodType.methodType(void.class)).invoke();
        Object conf = lookup.findVirtual(utilityClass, "getConfiguration", MethodType.methodType(confClass)).invoke(utility);
        var set = lookup.findVirtual(confClass, "set", MethodType.methodType(void.class, String.class, String.class));
        // Small and quiet: one of each server, no web UIs.
        set.invoke(conf, "hbase.master.info.port", "-1");
        set.invoke(conf, "hbase.regionserver.info.port", "-1");
        set.invoke(conf, "hbase.localcluster.assign.random.ports", "true");
        lookup.findVirtual(utilityClass, "startMiniCluster", MethodType.methodType(clusterClass)).invoke(utility);
        Object zookeeper = lookup.findVirtual(utilityClass, "getZkCluster", MethodType.methodType(zookeeperClass)).invoke(utility);
        int port = (int) lookup.findVirtual(zookeeperClass, "getClientPort", MethodType.methodType(int.class)).invoke(zookeeper);
        System.out.println("HBASE-MINI-CLUSTER READY zookeeper-port=" + port);
        System.out.flush();
        Class<?> threadClass = Class.forName("org.apache.hadoop.hbase.util.JVMClusterUtil$RegionServerThread");
        Object cluster = lookup.findVirtual(utilityClass, "getMiniHBaseCluster", MethodType.methodType(clusterClass)).invoke(utility);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        // Until the test JVM closes our stdin (or dies).
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            switch (command.trim()) {
                case "stop-regionserver" -> {
                    lookup.findVirtual(clusterClass, "stopRegionServer", MethodType.methodType(threadClass, int.class)).invoke(cluster, 0);
                    lookup.findVirtual(clusterClass, "waitOnRegionServer", MethodType.methodType(String.class, int.class)).invoke(cluster, 0);
                    System.out.println("REGIONSERVER STOPPED");
                }
                case "start-regionserver" -> {
                    lookup.findVirtual(clusterClass, "startRegionServer", MethodType.methodType(threadClass)).invoke(cluster);
                    System.out.println("REGIONSERVER STARTED");
                }
                default -> System.out.println("UNKNOWN COMMAND " + command);
            }
            System.out.flush();
        }
        try {
            lookup.findVirtual(utilityClass, "shutdownMiniCluster", MethodType.methodType(void.class)).invoke(utility);
        }
        finally {
            System.exit(0);
        }
    }
}
