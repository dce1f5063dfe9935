package herald.answer;

import herald.retrieval.RetrievedPassage;

import java.util.List;
import java.util.Set;

/**
 * One question on its way to an answer: as asked, as retrieval saw it (a follow-up rewritten to stand on its
 * own), the conversation it belongs to, and what retrieval found.
 */
record AskedQuestion(String question, String standalone, String conversationId, List<RetrievedPassage> retrieved,
                     List<Turn> history) {

    /** The articles the previous answer cited: a follow-up most likely asks about them. */
    Set<String> previousDocuments() {
        return history.isEmpty() ? Set.of() : history.get(history.size() - 1).citedDocuments();
    }
}
