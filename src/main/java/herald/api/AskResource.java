package herald.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.answer.Answer;
import herald.answer.AnswerEvent;
import herald.answer.QuestionAnswerer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/** Questions over REST: the whole answer at once, or streamed as Server-Sent Events (rate-limited by {@link ReaderRateLimitFilter}). */
@Path("/api/ask")
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class AskResource {

    private final QuestionAnswerer answerer;
    private final ObjectMapper json;

    public AskResource(QuestionAnswerer answerer, ObjectMapper json) {
        this.answerer = answerer;
        this.json = json;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question from the ingested articles, citing them")
    public Answer ask(@NotNull(message = "a JSON body with a question is required") @Valid AskRequest request) {
        return answerer.ask(request.toQuestion());
    }

    @POST
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Answer a question as Server-Sent Events: sources, queued... (while the LLM is busy), token..., done (or error)")
    public Multi<OutboundSseEvent> stream(@NotNull(message = "a JSON body with a question is required") @Valid AskRequest request,
                                          @Context Sse sse) {
        return answerer.stream(request.toQuestion())
                .map(event -> toSse(sse, event))
                // the status line is long gone once events flow: the failure travels as an event of its own
                .onFailure(QuestionAnswerer.LlmUnavailableException.class).recoverWithItem(failure ->
                        event(sse, "error", Problem.of(503, "Service Unavailable", failure.getMessage())));
    }

    private OutboundSseEvent toSse(Sse sse, AnswerEvent event) {
        if (event instanceof AnswerEvent.Sources s) {
            return event(sse, "sources", s.sources());
        }
        if (event instanceof AnswerEvent.Token t) {
            return event(sse, "token", Map.of("text", t.text()));
        }
        if (event instanceof AnswerEvent.Queued q) {
            return event(sse, "queued", Map.of("position", q.position(), "estimatedWaitSeconds", q.estimatedWaitSeconds()));
        }
        return event(sse, "done", ((AnswerEvent.Done) event).answer());
    }

    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
