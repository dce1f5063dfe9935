package herald.index;

import herald.config.HeraldConfig;
import herald.index.lucene.LucenePassageIndex;
import herald.index.solr.SolrCloud;
import herald.index.solr.SolrPassageIndex;
import herald.index.solr.SolrState;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The index the {@code herald.index.backend} setting names, opened at startup so a bad setting fails fast, and
 * the SolrCloud connection, made only when something asks for it (the index or a store on {@code backend=solr}).
 */
public class PassageIndexProducer {

    @Produces
    @Startup
    @Singleton
    PassageIndex passageIndex(HeraldConfig config, Instance<SolrCloud> solr) {
        return switch (config.index().backend()) {
            case LUCENE -> new LucenePassageIndex(config.dataDir().resolve("index"));
            case SOLR -> new SolrPassageIndex(solr.get(), config.solr().batchArticles());
        };
    }

    void close(@Disposes PassageIndex index) {
        index.close();
    }

    @Produces
    @Singleton
    SolrCloud solrCloud(HeraldConfig config) {
        String zkHosts = config.solr().zkHosts().orElseThrow(() -> new IllegalStateException(
                "herald.index.backend=solr needs herald.solr.zk-hosts (HERALD_SOLR_ZK_HOSTS), e.g. zk1:2181,zk2:2181/solr"));
        return new SolrCloud(zkHosts, config.solr().collectionPrefix(), config.solr().shards(), config.solr().replicas());
    }

    void close(@Disposes SolrCloud solr) {
        solr.close();
    }

    /** Shared state on SolrCloud, for the stores that run with {@code herald.index.backend=solr}. */
    @Produces
    @Singleton
    SolrState solrState(SolrCloud solr) {
        return new SolrState(solr);
    }
}
