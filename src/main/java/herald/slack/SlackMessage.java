package herald.slack;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;

/**
 * A message for Slack: Block Kit blocks, and the plain text notifications and old clients show instead.
 *
 * @param answerId the answer the message shows, so a reaction to it can rate the answer; null for notices
 */
public record SlackMessage(String text, List<LayoutBlock> blocks, String answerId) {

    public SlackMessage(String text, List<LayoutBlock> blocks) {
        this(text, blocks, null);
    }

    public static SlackMessage plain(String text) {
        return new SlackMessage(text, List.of());
    }
}
