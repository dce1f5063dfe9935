package herald.answer;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a question came from; counted in metrics and the newsroom's report, never used to answer differently. */
public enum Channel {
    REST("rest"),
    WIDGET("widget"),
    SLACK("slack");

    private final String wire;

    Channel(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
