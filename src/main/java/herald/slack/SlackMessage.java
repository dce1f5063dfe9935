package herald.slack;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;

/** A message for Slack: Block Kit blocks, and the plain text notifications and old clients show instead. */
public record SlackMessage(String text, List<LayoutBlock> blocks) {

    public static SlackMessage plain(String text) {
        return new SlackMessage(text, List.of());
    }
}
