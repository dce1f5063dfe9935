package herald.api;

import herald.sources.SourceRecord;
import herald.sources.SourceRegistry;
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

/** Feeds and sitemaps Herald polls for articles, with the status of each. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SourceResource {

    private final SourceRegistry sources;

    public SourceResource(SourceRegistry sources) {
        this.sources = sources;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an RSS, Atom or JSON feed or a sitemap; its first poll starts at once")
    public Response add(@NotNull(message = "a JSON body with url is required") @Valid SourceRequest request) {
        SourceRecord record;
        try {
            record = sources.register(request.url(), request.name(), request.pollEvery());
        } catch (SourceRegistry.AlreadyRegistered e) {
            throw new ProblemException(409, "Conflict", e.getMessage());
        }
        sources.pollNow(record.source().id());
        return Response.created(URI.create("/api/sources/" + record.source().id()))
                .entity(view(record)).build();
    }

    @GET
    @Operation(summary = "Every source with its status: last and next poll, item counts, last error")
    public List<SourceView> list() {
        return sources.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One source with its status")
    public SourceView get(@PathParam("id") String id) {
        return sources.find(id).map(this::view).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/poll")
    @Operation(summary = "Poll the source now (in the background)")
    public Response poll(@PathParam("id") String id) {
        if (!sources.pollNow(id)) {
            throw notFound(id);
        }
        return Response.accepted(view(sources.find(id).orElseThrow(() -> notFound(id)))).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop polling a source; its articles stay unless purge=true")
    public Response delete(@PathParam("id") String id, @QueryParam("purge") boolean purge) {
        try {
            if (!sources.delete(id, purge)) {
                throw notFound(id);
            }
        } catch (SourceRegistry.ConfiguredSource e) {
            throw new ProblemException(409, "Conflict", e.getMessage());
        }
        return Response.noContent().build();
    }

    private SourceView view(SourceRecord record) {
        return SourceView.of(record, sources.isPolling(record.source().id()));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No source with id " + id);
    }
}
