package herald.api;

import herald.index.PassageIndex;
import herald.ingest.ArticleDraft;
import herald.ingest.ArticleIngestor;
import herald.ingest.ArticleReader;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;

/** Ingest, list, read and delete articles. */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DocumentResource {

    private final ArticleIngestor ingestor;
    private final PassageIndex index;

    public DocumentResource(ArticleIngestor ingestor, PassageIndex index) {
        this.ingestor = ingestor;
        this.index = index;
    }

    /** What ingestion returns. */
    public record Ingested(String id, String title, int passages) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest an article given as JSON; the same text twice is stored once")
    public Response ingestJson(@NotNull(message = "a JSON body with title and text is required") @Valid DocumentRequest request) {
        return ingest(new ArticleDraft(request.title(), request.text(), request.source(),
                ArticleReader.parseDate(request.publishedAt())));
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Ingest a plain-text article: the first line (or a front-matter block) gives its title")
    public Response ingestText(String body, @QueryParam("source") String source, @QueryParam("publishedAt") String publishedAt) {
        return ingest(withOverrides(ArticleReader.fromPlainText(nonEmpty(body)), source, publishedAt));
    }

    @POST
    @Consumes(MediaType.TEXT_HTML)
    @Operation(summary = "Ingest an HTML page, reduced to its article text")
    public Response ingestHtml(String body, @QueryParam("source") String source, @QueryParam("publishedAt") String publishedAt) {
        return ingest(withOverrides(ArticleReader.fromHtml(nonEmpty(body)), source, publishedAt));
    }

    @GET
    @Operation(summary = "List the ingested articles, newest first")
    public List<DocumentSummary> list() {
        return index.list().stream().map(a -> DocumentSummary.of(a, false)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article, with its cleaned text")
    public DocumentSummary get(@PathParam("id") String id) {
        return index.find(id).map(a -> DocumentSummary.of(a, true)).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an article and all its passages")
    public Response delete(@PathParam("id") String id) {
        if (!index.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private Response ingest(ArticleDraft draft) {
        ArticleIngestor.Ingested result = ingestor.ingest(draft);
        Ingested body = new Ingested(result.article().id(), result.article().title(), result.article().passages());
        return result.created()
                ? Response.created(URI.create("/api/documents/" + body.id())).entity(body).build()
                : Response.ok(body).build();
    }

    private static ArticleDraft withOverrides(ArticleDraft draft, String source, String publishedAt) {
        return new ArticleDraft(draft.title(), draft.text(), source == null ? draft.source() : source,
                publishedAt == null ? draft.publishedAt() : ArticleReader.parseDate(publishedAt));
    }

    private static String nonEmpty(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The body is empty");
        }
        return body;
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No document with id " + id);
    }
}
