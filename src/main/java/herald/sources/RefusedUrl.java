package herald.sources;

/** A URL Herald will not fetch at all (scheme or address): nothing from it, not even a feed's copy, is used. */
public class RefusedUrl extends FetchFailure {

    public RefusedUrl(String message) {
        super(message);
    }
}
