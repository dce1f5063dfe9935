package herald.answer;

import java.util.List;

/**
 * Answers given recently, kept to be reused for the same question on the same passages. Which answers
 * match is {@link AnswerReuse}'s call; this is only where they are kept (in memory by default, shared when
 * several Herald instances serve one site).
 */
public interface AnswerCache {

    /** The unexpired answers given on exactly these passages, newest last. */
    List<CachedAnswer> onPassages(String passagesKey);

    void put(CachedAnswer answer);

    /** Forgets every answer that rests on a passage of this article. */
    void forgetArticle(String documentId);
}
