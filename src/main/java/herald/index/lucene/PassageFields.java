package herald.index.lucene;

/** Lucene field names, shared by indexing and search. */
final class PassageFields {
    /** "article" for the one record per article, "passage" for each passage. */
    static final String KIND = "kind";
    static final String KIND_ARTICLE = "article";
    static final String KIND_PASSAGE = "passage";
    static final String DOC_ID = "doc_id";
    static final String HASH = "hash";
    /** The article's normalized URL, on article and passage records. */
    static final String URL = "url";
    static final String UPDATED_AT = "updated_at";
    static final String TITLE = "title";
    static final String SOURCE = "source";
    static final String PUBLISHED_AT = "published_at";
    /** Publication date as epoch day (a point field), for date windows. */
    static final String PUBLISHED_DAY = "published_day";
    static final String TEXT = "text";
    static final String ORDINAL = "ordinal";
    static final String PASSAGE_COUNT = "passages";
    static final String VECTOR = "vector";
    /** Article records keep their own field names: Lucene 9 wants one schema per field name. */
    static final String ARTICLE_TITLE = "article_title";
    static final String ARTICLE_TEXT = "article_text";
    static final String ARTICLE_PUBLISHED_AT = "article_published_at";

    private PassageFields() {
    }
}
