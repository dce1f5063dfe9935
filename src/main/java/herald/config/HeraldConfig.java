package herald.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** Every Herald setting, with its default; the README's configuration table lists the same keys. */
@ConfigMapping(prefix = "herald")
public interface HeraldConfig {

    /** Where the Lucene index lives; survives restarts. */
    @WithDefault("data")
    Path dataDir();

    /** When set, ingestion and deletion require {@code Authorization: Bearer <key>}. */
    Optional<String> apiKey();

    /** Folder of prompt files; a missing file falls back to the copy packaged in the jar. */
    @WithDefault("prompts")
    Path promptsDir();

    Corpus corpus();

    Ingest ingest();

    Chunking chunking();

    Retrieval retrieval();

    Answer answer();

    Conversation conversation();

    Index index();

    Solr solr();

    RateLimit rateLimit();

    Http http();

    interface RateLimit {
        /** Limit questions and ratings per client on /api/ask, /api/ask/stream and /api/feedback, and questions per user in Slack. */
        @WithDefault("true")
        boolean enabled();

        /** Questions a client may ask per minute, on average. */
        @WithDefault("20")
        int perMinute();

        /** Questions a client may ask at once before the per-minute rate applies. */
        @WithDefault("10")
        int burst();

        /** Clients whose buckets are kept; the least recently seen is forgotten first, so memory stays bounded. */
        @WithDefault("100000")
        int maxClients();
    }

    interface Http {
        /**
         * Addresses of the reverse proxies in front of Herald: only from these is X-Forwarded-For believed
         * when telling clients apart. Empty: the connection's own address is the client.
         */
        Optional<java.util.List<String>> trustedProxies();
    }

    interface Corpus {
        /** Ingest the articles bundled in the jar at startup (only those the index does not hold yet). */
        @WithDefault("true")
        boolean bundled();
    }

    interface Ingest {
        /**
         * Longest time one HTML page (an upload, a feed's page) may take to be reduced to its article; a page
         * that takes longer is refused with 422 rather than holding a worker.
         */
        @WithDefault("3s")
        java.time.Duration maxParseTime();

        /** Articles read, embedded and stored at the same time; the rest of the service keeps its threads. */
        @WithDefault("2")
        int workers();

        /** Articles waiting for an ingestion worker; beyond that an upload is answered 503 with Retry-After. */
        @WithDefault("16")
        int queueSize();

        /** Most passages one article may have (about 30,000 words at 70 words a passage); a longer text is refused with 422. */
        @WithDefault("500")
        int maxPassages();
    }

    interface Chunking {
        /** Upper bound of a passage in words: small enough to cite one fact precisely. */
        @WithDefault("70")
        int maxWords();

        /** Sentences repeated at the start of the next passage, so a fact split across a boundary is still found whole. */
        @WithDefault("1")
        int overlapSentences();
    }

    interface Retrieval {
        /** Passages handed to the answerer and returned as sources. */
        @WithDefault("5")
        int topK();

        /** Candidates each ranker contributes before fusion; HNSW needs a wide beam to keep its recall. */
        @WithDefault("50")
        int candidates();

        /** How BM25 and vector rankings are fused; the weighted blend measured best (docs/quality.md). */
        @WithDefault("weighted")
        Fusion fusion();

        /** Weight of the vector ranking in the weighted blend (BM25 gets the rest); measured in docs/quality.md. */
        @WithDefault("0.6")
        double vectorWeight();

        /** Instruction bge-small-en-v1.5 expects before a query (not before passages). */
        @WithDefault("Represent this sentence for searching relevant passages: ")
        String queryInstruction();

        enum Fusion {
            RRF, WEIGHTED, BM25, VECTOR
        }
    }

    interface Answer {
        /** llm: ask Ollama and fall back to quoting on failure; retrieval-only: never call the LLM. */
        @WithDefault("llm")
        Mode mode();

        /** When Ollama fails: quote the passages (true) or answer 503 (false). */
        @WithDefault("true")
        boolean fallbackToRetrievalOnly();

        /** Context window sent to Ollama as num_ctx; the prompt is budgeted to fit in it. */
        @WithDefault("4096")
        int numCtx();

        /** Tokens kept free for the answer (sent as num_predict). */
        @WithDefault("512")
        int answerTokens();

        /** Longest wait for Ollama's next token once it has started writing. */
        @WithDefault("30s")
        java.time.Duration timeout();

        /** Longest wait for Ollama's first token, prompt reading included: a CPU may need a minute for a long prompt. */
        @WithDefault("120s")
        java.time.Duration firstTokenTimeout();

        /**
         * Longest a question waits for a free LLM slot. One that would wait longer (judged from the queue and
         * recent generation times), or has waited this long, is answered at once by quoting, reason "busy".
         */
        @WithDefault("10s")
        java.time.Duration maxWait();

        /** How long an LLM answer is reused for the same question on the same passages; 0 switches the cache off. */
        @WithDefault("10m")
        java.time.Duration cacheTtl();

        /** Answers kept for reuse at most; the least recently used goes first. */
        @WithDefault("1000")
        int cacheEntries();

        /**
         * Embedding similarity above which two standalone questions count as the same (besides being equal
         * once normalised); measured on src/test/resources/eval/cache-pairs.jsonl.
         */
        @WithDefault("0.95")
        double cacheSimilarity();

        /**
         * After Ollama fails, how long to answer from the passages without trying it again, so that a hung
         * Ollama costs one reader a timeout rather than every reader.
         */
        @WithDefault("30s")
        java.time.Duration retryAfter();

        /** Lowest relevance at which retrieval-only mode quotes a sentence instead of saying the articles do not say. */
        @WithDefault("0.5")
        double minRelevance();

        /** Sentences quoted at most in a retrieval-only answer. */
        @WithDefault("2")
        int maxQuotedSentences();

        /**
         * Passage text sent to the LLM at most, in characters (the best passage always goes in): on a CPU the
         * first answer token waits until the whole prompt is read, at a few dozen tokens a second.
         */
        @WithDefault("1200")
        int promptPassageChars();

        enum Mode {
            LLM, RETRIEVAL_ONLY
        }
    }

    interface Conversation {
        /** Question/answer turns kept per conversation. */
        @WithDefault("6")
        int maxTurns();

        /** Conversations kept in memory; the least recently used is forgotten first. */
        @WithDefault("1000")
        int maxConversations();

        /** With {@code herald.index.backend=solr}: a conversation idle this long is forgotten. */
        @WithDefault("24h")
        java.time.Duration forgetAfter();
    }

    interface Index {
        /**
         * Where articles, passages and every shared piece of state live: {@code lucene}, embedded under
         * {@code herald.data-dir}; or {@code solr}, a SolrCloud cluster shared by every replica (env HERALD_INDEX_BACKEND).
         */
        @WithDefault("lucene")
        Backend backend();

        enum Backend {
            LUCENE, SOLR
        }
    }

    interface Solr {
        /** ZooKeeper connect string of the SolrCloud cluster, with an optional chroot, e.g. {@code zk1:2181,zk2:2181/solr}. */
        Optional<String> zkHosts();

        /** Start of every collection name Herald creates ({@code herald-passages}, {@code herald-state}). */
        @WithDefault("herald")
        String collectionPrefix();

        /** Shards of a collection Herald creates (existing collections are left as they are). */
        @WithDefault("2")
        int shards();

        /** Replicas of each shard of a collection Herald creates. */
        @WithDefault("2")
        int replicas();

        /** Articles sent to Solr in one update request by bulk loads and {@code migrate}. */
        @WithDefault("200")
        int batchArticles();
    }
}
