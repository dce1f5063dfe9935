package herald.index.solr;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.SolrZkClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Herald's connection to a SolrCloud cluster, shared by the passage index and every Solr-backed store. Uploads
 * Herald's configset to ZooKeeper and creates a collection the first time it is asked for, so a new cluster
 * needs nothing but ZooKeeper and Solr nodes.
 */
public class SolrCloud implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SolrCloud.class);
    /** Bumped whenever the schema changes in a way existing collections cannot take. */
    static final String CONFIGSET = "herald-1";
    private static final List<String> CONFIG_FILES = List.of("solrconfig.xml", "schema.xml");
    /** Longest wait for a collection that another replica is creating to be able to answer. */
    private static final long ACTIVE_WAIT_SECONDS = 120;

    private final CloudSolrClient client;
    private final String zkHosts;
    private final String prefix;
    private final int shards;
    private final int replicas;

    /**
     * @param zkHosts ZooKeeper connect string, with an optional chroot: {@code zk1:2181,zk2:2181/solr}
     */
    public SolrCloud(String zkHosts, String prefix, int shards, int replicas) {
        this.zkHosts = zkHosts;
        this.prefix = prefix;
        this.shards = shards;
        this.replicas = replicas;
        int slash = zkHosts.indexOf('/');
        List<String> hosts = Arrays.asList((slash < 0 ? zkHosts : zkHosts.substring(0, slash)).split(","));
        Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zkHosts.substring(slash));
        this.client = new CloudHttp2SolrClient.Builder(hosts, chroot)
                .withZkConnectTimeout(15, TimeUnit.SECONDS)
                .withZkClientTimeout(30, TimeUnit.SECONDS)
                .build();
    }

    public CloudSolrClient client() {
        return client;
    }

    /** The full name of one of Herald's collections, created (2 shards × 2 replicas by default) if missing. */
    public synchronized String collection(String name) {
        String collection = prefix + "-" + name;
        try {
            if (!CollectionAdminRequest.listCollections(client).contains(collection)) {
                create(collection);
            }
            awaitLeaders(collection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SolrServerException e) {
            throw new IllegalStateException("SolrCloud at " + zkHosts + " cannot list its collections", e);
        }
        return collection;
    }

    /**
     * Replicas started together (compose starts them at once) find the collection listed while another is
     * still creating it, before its shards can answer a request: wait until every shard has an active leader.
     */
    private void awaitLeaders(String collection) {
        try {
            ZkClientClusterStateProvider.from(client).getZkStateReader().waitForState(collection, ACTIVE_WAIT_SECONDS,
                    TimeUnit.SECONDS, (liveNodes, state) -> everyShardLed(state, liveNodes));
        } catch (TimeoutException e) {
            throw new IllegalStateException("SolrCloud collection " + collection + " at " + zkHosts
                    + " still has a shard without an active leader after " + ACTIVE_WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean everyShardLed(DocCollection state, Set<String> liveNodes) {
        return state != null && !state.getSlices().isEmpty() && state.getSlices().stream()
                .allMatch(slice -> slice.getLeader() != null && slice.getLeader().isActive(liveNodes));
    }

    public String describe() {
        return "solr:" + zkHosts + " (" + prefix + "-*)";
    }

    private void create(String collection) throws IOException, SolrServerException {
        uploadConfigset();
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, CONFIGSET, shards, replicas);
        create.setWaitForFinalState(true);
        try {
            create.process(client);
            LOG.infof("Created SolrCloud collection %s: %d shards x %d replicas", collection, shards, replicas);
        } catch (Exception e) {
            // another replica starting at the same moment may have created it first
            if (!CollectionAdminRequest.listCollections(client).contains(collection)) {
                throw e;
            }
        }
    }

    private void uploadConfigset() {
        SolrZkClient zk = ZkClientClusterStateProvider.from(client).getZkStateReader().getZkClient();
        String root = "/configs/" + CONFIGSET;
        try {
            // every file, not the folder: another replica may be writing it at this moment
            if (CONFIG_FILES.stream().allMatch(file -> exists(zk, root + "/" + file))) {
                return;
            }
            for (String file : CONFIG_FILES) {
                zk.makePath(root + "/" + file, resource(file), false, true);
            }
            LOG.infof("Uploaded configset %s to ZooKeeper", CONFIGSET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (org.apache.zookeeper.KeeperException e) {
            throw new IllegalStateException("Cannot upload Herald's configset to ZooKeeper at " + zkHosts, e);
        }
    }

    private static boolean exists(SolrZkClient zk, String path) {
        try {
            return zk.exists(path, true);
        } catch (org.apache.zookeeper.KeeperException e) {
            throw new IllegalStateException("Cannot read " + path + " in ZooKeeper", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = SolrCloud.class.getClassLoader().getResourceAsStream("solr/configset/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing solr/configset/" + file + " on the class path");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.warn("Closing the SolrCloud client failed", e);
        }
    }
}
