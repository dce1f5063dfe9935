package herald.api;

import herald.index.PassageIndex;
import herald.ingest.ArticleDraft;
import herald.ingest.ArticleIngestor;
import herald.ingest.ArticleReader;
import herald.ingest.BundledCorpus;
import herald.ingest.IngestionPool;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
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
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** Ingest, list, read and delete articles. */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DocumentResource {

    private final IngestionPool ingestion;
    private final ArticleIngestor ingestor;
    private final PassageIndex index;
    private final BundledCorpus bundled;

    public DocumentResource(IngestionPool ingestion, ArticleIngestor ingestor, PassageIndex index, BundledCorpus bundled) {
        this.ingestion = ingestion;
        this.ingestor = ingestor;
        this.index = index;
        this.bundled = bundled;
    }

    /** What ingestion returns; {@code updated} when it replaced the article held at the same URL. */
    public record Ingested(String id, String title, int passages, String url, boolean updated) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest an article given as JSON; the same text twice is stored once, and an article with a url replaces the one held at that url")
    public Uni<Response> ingestJson(@NotNull(message = "a JSON body with title and text is required") @Valid DocumentRequest request) {
        ArticleDraft draft = new ArticleDraft(request.title(), request.text(), request.source(),
                ArticleReader.parseDate(request.publishedAt()), request.url(), null);
        return ingest(() -> draft);
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Ingest a plain-text article: the first line (or a front-matter block) gives its title")
    public Uni<Response> ingestText(String body, @QueryParam("source") String source, @QueryParam("publishedAt") String publishedAt) {
        ArticleDraft draft = withOverrides(ArticleReader.fromPlainText(nonEmpty(body)), source, publishedAt);
        return ingest(() -> draft);
    }

    @POST
    @Consumes(MediaType.TEXT_HTML)
    @Operation(summary = "Ingest an HTML page, reduced to its article text")
    public Uni<Response> ingestHtml(String body, @QueryParam("source") String source, @QueryParam("publishedAt") String publishedAt) {
        String html = nonEmpty(body);
        LocalDate date = ArticleReader.parseDate(publishedAt);
        // the page is reduced on an ingestion worker, within herald.ingest.max-parse-time
        return ingest(() -> withOverrides(ingestion.readHtml(html), source, date));
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
        if (!ingestor.delete(id)) {
            throw notFound(id);
        }
        bundled.articleDeleted(id);
        return Response.noContent().build();
    }

    private Uni<Response> ingest(Supplier<ArticleDraft> draft) {
        return ingestion.ingest(draft).map(result -> {
            Ingested body = new Ingested(result.article().id(), result.article().title(), result.article().passages(),
                    result.article().url(), result.outcome() == ArticleIngestor.Outcome.UPDATED);
            return result.created()
                    ? Response.created(URI.create("/api/documents/" + body.id())).entity(body).build()
                    : Response.ok(body).build();
        });
    }

    private static ArticleDraft withOverrides(ArticleDraft draft, String source, String publishedAt) {
        return withOverrides(draft, source, ArticleReader.parseDate(publishedAt));
    }

    private static ArticleDraft withOverrides(ArticleDraft draft, String source, LocalDate publishedAt) {
        return new ArticleDraft(draft.title(), draft.text(), source == null ? draft.source() : source,
                publishedAt == null ? draft.publishedAt() : publishedAt, draft.url(), draft.updatedAt());
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
