package io.sluice.testkit.hdfs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * An in-process HDFS (Hadoop's {@code MiniDFSCluster}, one NameNode and one DataNode) for tests,
 * started on first use once per test JVM and shut down when the JVM exits; its data lives under
 * {@code target/mini-hdfs/<run>/}. Tests share it and keep apart by path, e.g. with a unique
 * directory per test: {@code MiniHdfs.get().uri("/sluice/" + name)}.
 *
 * <p>Its Hadoop must be Spark's (3.3.4): a newer mini cluster fails at DataNode shutdown against
 * Spark's shaded client. Starts in about 3 s and holds 200-300 MB of heap.
 */
public final class MiniHdfs {
    private static MiniHdfs instance;

    private final MiniDFSCluster cluster;

    private MiniHdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    /** The JVM's mini HDFS, started on the first call. */
    public static synchronized MiniHdfs get() {
        if (instance == null) {
            File base = new File("target/mini-hdfs/" + UUID.randomUUID().toString().substring(0, 8)).getAbsoluteFile();
            Configuration conf = new Configuration();
            conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.getPath());
            try {
                MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
                cluster.waitActive();
                instance = new MiniHdfs(cluster);
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot start the mini HDFS under " + base, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "mini-hdfs-shutdown"));
        }
        return instance;
    }

    /** The file system's root, {@code hdfs://127.0.0.1:<port>}. */
    public String uri() {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    /** A path on the file system as a URI, e.g. {@code uri("/sluice/counts")}. */
    public String uri(String path) {
        return uri() + (path.startsWith("/") ? path : "/" + path);
    }

    /** A client of the file system, for tests to look at what was written. */
    public FileSystem fileSystem() {
        try {
            return cluster.getFileSystem();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void shutdown() {
        try {
            cluster.shutdown(true);
        }
        catch (RuntimeException e) {
            // The JVM is exiting; nothing is left to protect.
        }
    }
}
