package herald.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import herald.answer.QuestionAnswerer;
import herald.ingest.IngestionBusyException;
import herald.ingest.UnprocessableArticleException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** Turns every failure into an RFC 7807 problem: clients get a reason, never a stack trace. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(Problem.of(e.status(), e.title(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return respond(Problem.of(400, "Bad Request", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableArticleException e) {
        return respond(Problem.of(422, "Unprocessable Content", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response ingestionBusy(IngestionBusyException e) {
        return Response.fromResponse(respond(Problem.of(503, "Service Unavailable", e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfter().toSeconds()).build();
    }

    /** Says what is wrong and where, in the client's terms: Jackson's own messages name its classes and settings. */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(Problem.of(400, "Bad Request", JsonProblems.describe(e)));
    }

    /** Quarkus maps this one itself, with an empty body, unless told otherwise. */
    @ServerExceptionMapper
    public Response wrongJsonShape(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return respond(Problem.of(400, "Bad Request", detail));
    }

    @ServerExceptionMapper
    public Response llmDown(QuestionAnswerer.LlmUnavailableException e) {
        return respond(Problem.of(503, "Service Unavailable", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 415 -> HttpLimitsFilter.ACCEPTED;
            case 405 -> "This method is not allowed on this path";
            case 406 -> "Cannot produce the requested media type";
            default -> e.getMessage();
        };
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        return respond(Problem.of(status, title, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "Internal Server Error", "Something went wrong on our side; the log has the details"));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
