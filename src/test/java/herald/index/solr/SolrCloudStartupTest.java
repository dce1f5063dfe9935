package herald.index.solr;

import herald.testing.SolrTestCluster;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.cloud.ZkStateReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicas that start at the same moment (as compose starts them) on a cluster without Herald's collections:
 * the one that did not create a collection must not use it before its shards can answer.
 */
class SolrCloudStartupTest {

    private static SolrTestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = SolrTestCluster.start(2);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void aReplicaFindingACollectionBeingCreatedWaitsUntilEveryShardHasALeader() throws Exception {
        try (SolrCloud first = new SolrCloud(cluster.zkHosts(), "startup", 2, 2);
             SolrCloud second = new SolrCloud(cluster.zkHosts(), "startup", 2, 2)) {
            CompletableFuture<String> creating = CompletableFuture.supplyAsync(() -> first.collection("passages"));
            // the second replica arrives once the collection is listed, while the first may still be creating it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!CollectionAdminRequest.listCollections(second.client()).contains("startup-passages")) {
                assertTrue(System.nanoTime() < deadline, "the first replica never created its collection");
                Thread.sleep(20);
            }

            String collection = second.collection("passages");

            ZkStateReader state = ZkClientClusterStateProvider.from(second.client()).getZkStateReader();
            assertTrue(SolrCloud.everyShardLed(state.getCollectionLive(collection), state.getClusterState().getLiveNodes()),
                    "collection() returned while a shard of " + collection + " had no active leader");
            assertEquals(collection, creating.get(120, TimeUnit.SECONDS));
        }
    }
}
