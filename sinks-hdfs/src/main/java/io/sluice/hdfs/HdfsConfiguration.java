package io.sluice.hdfs;

import org.apache.hadoop.conf.Configuration;

/**
 * One Hadoop configuration per JVM, read once from the class path ({@code core-site.xml},
 * {@code hdfs-site.xml}); file systems come from Hadoop's own per-JVM cache. Read-only after creation.
 */
final class HdfsConfiguration {
    private static volatile Configuration shared;

    private HdfsConfiguration() {}

    static Configuration shared() {
        Configuration conf = shared;
        if (conf == null) {
            synchronized (HdfsConfiguration.class) {
                conf = shared;
                if (conf == null) {
                    conf = new Configuration();
                    shared = conf;
                }
            }
        }
        return conf;
    }
}
