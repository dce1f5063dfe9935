package herald.testing;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real SolrCloud nodes for tests: {@code MiniSolrCloudCluster} starts Solr in this JVM with an embedded
 * ZooKeeper. Start one per test class; each costs a few seconds.
 */
public final class SolrTestCluster implements AutoCloseable {

    private final MiniSolrCloudCluster cluster;
    private final Path baseDir;

    private SolrTestCluster(MiniSolrCloudCluster cluster, Path baseDir) {
        this.cluster = cluster;
        this.baseDir = baseDir;
    }

    public static SolrTestCluster start(int nodes) {
        try {
            Path baseDir = Files.createTempDirectory("herald-solr");
            // Solr refuses data folders outside the allowed paths; the temporary folder is ours
            System.setProperty("solr.allowPaths", baseDir.toString());
            System.setProperty("zookeeper.admin.enableServer", "false");
            return new SolrTestCluster(new MiniSolrCloudCluster(nodes, baseDir, JettyConfig.builder().build()), baseDir);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start a SolrCloud test cluster", e);
        }
    }

    /** The connect string Herald takes as {@code herald.solr.zk-hosts}, with the cluster's chroot. */
    public String zkHosts() {
        return cluster.getZkServer().getZkAddress();
    }

    public MiniSolrCloudCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        try {
            cluster.shutdown();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
