package herald.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Readers rate answers: open to all, like asking. */
@Path("/api/feedback")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FeedbackResource {

    private final FeedbackService feedback;

    public FeedbackResource(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /** What a rating returns: the rating as kept. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rated(String answerId, Rating rating, String comment) {
    }

    @POST
    @Operation(summary = "Rate an answer up or down, with an optional comment; a second rating of the same answer replaces the first")
    public Response rate(@NotNull(message = "a JSON body with answerId and rating is required") @Valid FeedbackRequest request,
                         @Context HttpServerRequest http) {
        String reader = request.clientId() != null && !request.clientId().isBlank()
                ? "client:" + request.clientId().strip()
                : "address:" + (http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress());
        Feedback kept = feedback.rate(request.answerId(), Rating.fromWire(request.rating()).orElseThrow(), request.comment(), reader);
        return Response.status(201).entity(new Rated(kept.answerId(), kept.rating(), kept.comment())).build();
    }
}
