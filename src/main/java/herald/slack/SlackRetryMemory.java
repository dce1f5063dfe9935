package herald.slack;

/**
 * Remembers the ids of recent events so that Slack's retries (it resends an event it thinks was not
 * acknowledged, up to three times within about five minutes) are answered once, whichever replica they reach.
 */
public interface SlackRetryMemory {

    /** True the first time an event id is seen within the retry window, false for its retries. */
    boolean firstDelivery(String eventId);
}
