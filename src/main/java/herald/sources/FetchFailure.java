package herald.sources;

/** A feed or page that could not be had; its message goes into the source's status as it is. */
public class FetchFailure extends RuntimeException {

    public FetchFailure(String message) {
        super(message);
    }

    public FetchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
