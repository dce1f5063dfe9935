package herald.answer;

import herald.retrieval.RetrievedPassage;
import herald.retrieval.TimeWords;

import java.util.List;
import java.util.Set;

/**
 * One question on its way to an answer: as asked, as retrieval saw it (a follow-up rewritten to stand on its
 * own), the conversation it belongs to, and what retrieval found. {@code window} is the question's time phrase
 * ("in September 2023") when retrieval already kept to it, else null.
 */
record AskedQuestion(String question, String standalone, String conversationId, List<RetrievedPassage> retrieved,
                     List<Turn> history, TimeWords window) {

    /**
     * The question for the quote's evidence: without a time phrase retrieval already applied, since every retrieved
     * passage is from that window and its sentence need not repeat "September 2023".
     */
    AskedQuestion withoutAppliedWindow() {
        return window == null ? this
                : new AskedQuestion(window.searchText(), window.searchText(), conversationId, retrieved, history, null);
    }

    /** The articles the previous answer cited: a follow-up most likely asks about them. */
    Set<String> previousDocuments() {
        return history.isEmpty() ? Set.of() : history.get(history.size() - 1).citedDocuments();
    }
}
