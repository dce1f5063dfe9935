package herald.slack;

/**
 * Signed requests already received, by their signature and timestamp: a signed slash command replayed within
 * Slack's five-minute window (by anyone who captured it) is answered once. State behind an interface: the
 * embedded implementation is in memory and bounded; a shared one lets several Herald instances agree.
 */
public interface SlackReplayMemory {

    /** True the first time a request with this timestamp and signature arrives, false for any replay of it. */
    boolean firstReceipt(String timestamp, String signature);
}
