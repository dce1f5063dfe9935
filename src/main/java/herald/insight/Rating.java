package herald.insight;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/** A reader's verdict on one answer. */
public enum Rating {
    UP("up"),
    DOWN("down");

    private final String wire;

    Rating(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<Rating> fromWire(String value) {
        for (Rating rating : values()) {
            if (rating.wire.equals(value)) {
                return Optional.of(rating);
            }
        }
        return Optional.empty();
    }
}
