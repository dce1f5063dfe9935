package herald.index.solr;

import herald.index.PassageIndex;
import herald.index.PassageIndexContract;
import herald.testing.SolrTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The index contract on a real two-node SolrCloud cluster (2 shards x 2 replicas), emptied after each test. */
class SolrPassageIndexTest extends PassageIndexContract {

    private static SolrTestCluster cluster;
    private static SolrCloud solr;

    @BeforeAll
    static void startCluster() {
        cluster = SolrTestCluster.start(2);
        solr = new SolrCloud(cluster.zkHosts(), "contract", 2, 2);
    }

    @AfterAll
    static void stopCluster() {
        solr.close();
        cluster.close();
    }

    @Override
    protected PassageIndex emptyIndex() {
        // small batches, so the bulk test writes several
        return new SolrPassageIndex(solr, 50);
    }

    @Override
    protected void release(PassageIndex index) throws Exception {
        index.close();
        solr.client().deleteByQuery(solr.collection("passages"), "*:*");
        solr.client().commit(solr.collection("passages"));
    }
}
