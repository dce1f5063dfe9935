package herald.cli;

import herald.config.HeraldConfig;
import herald.index.Article;
import herald.index.PassageIndex;
import herald.index.lucene.LucenePassageIndex;
import herald.index.solr.SolrCloud;
import herald.index.solr.SolrPassageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code migrate --to solr}: copies the embedded index under {@code herald.data-dir} into SolrCloud
 * ({@code herald.solr.zk-hosts}), articles with their passages and stored vectors, so nothing is embedded
 * again. Articles already in SolrCloud are replaced, so a migration that stopped halfway can be run again.
 */
@ApplicationScoped
public class MigrateCommand {

    private final Instance<PassageIndex> source;
    private final Instance<SolrCloud> solr;
    private final HeraldConfig config;

    public MigrateCommand(Instance<PassageIndex> source, Instance<SolrCloud> solr, HeraldConfig config) {
        this.source = source;
        this.solr = solr;
        this.config = config;
    }

    int run(String... args) {
        String to = EvalCommand.option(args, "--to");
        if (!"solr".equals(to)) {
            HeraldMain.TERMINAL.println("migrate needs --to solr (and herald.solr.zk-hosts, env HERALD_SOLR_ZK_HOSTS)");
            return 2;
        }
        if (!(source.get() instanceof LucenePassageIndex embedded)) {
            HeraldMain.TERMINAL.println("migrate copies the embedded index; herald.index.backend is not lucene");
            return 2;
        }
        SolrPassageIndex target = new SolrPassageIndex(solr.get(), config.solr().batchArticles());
        HeraldMain.TERMINAL.printf("Copying %s to %s%n", embedded.describe(), target.describe());
        return migrate(embedded, target, config.solr().batchArticles(), HeraldMain.TERMINAL);
    }

    /** Copies every article of {@code from} into {@code to}, printing progress after each batch. */
    public static int migrate(PassageIndex from, PassageIndex to, int batch, PrintStream out) {
        List<Article> articles = from.list();
        int total = articles.size();
        long started = System.nanoTime();
        int[] copied = {0, 0};
        Iterator<PassageIndex.Entry> entries = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < total;
            }

            @Override
            public PassageIndex.Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                PassageIndex.Entry entry = from.entry(articles.get(next++).id()).orElseThrow();
                copied[0]++;
                copied[1] += entry.passages().size();
                if (copied[0] % batch == 0 || copied[0] == total) {
                    out.printf("[%d/%d] articles read, %d passages, %.0f s%n", copied[0], total, copied[1],
                            (System.nanoTime() - started) / 1e9);
                }
                return entry;
            }
        };
        to.addAll(entries);
        int articlesThere = to.articleCount();
        int passagesThere = to.passageCount();
        out.printf("Done in %.0f s: %d articles and %d passages copied; the target now holds %d articles, %d passages%n",
                (System.nanoTime() - started) / 1e9, copied[0], copied[1], articlesThere, passagesThere);
        return articlesThere >= total ? 0 : 1;
    }
}
