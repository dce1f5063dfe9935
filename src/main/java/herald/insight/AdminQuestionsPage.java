package herald.insight;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;

/**
 * The question report as a page for editors: plain HTML from a Qute template, no script. The browser
 * asks for the API key through HTTP Basic (any user name, the key as password) and resends it for the
 * CSV link beside the page; nothing is kept in a cookie.
 */
@Path("/admin/questions")
@Blocking
public class AdminQuestionsPage {

    private final QuestionReporter reporter;
    private final NewsroomAccess access;
    private final Clock clock;
    private final Template page;

    public AdminQuestionsPage(QuestionReporter reporter, NewsroomAccess access, Clock clock,
                              @Location("admin/questions.html") Template page) {
        this.reporter = reporter;
        this.access = access;
        this.clock = clock;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("from") String from,
                         @QueryParam("to") String to) {
        var refused = access.refusal(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        ReportRange range = ReportRange.of(from, to, clock);
        String html = page.data("report", reporter.report(range.from(), range.to())).render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                // readers' questions: never cached, never framed by another site
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .build();
    }

    @GET
    @Path("/questions.csv")
    @Produces("text/csv")
    public Response csv(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("from") String from,
                        @QueryParam("to") String to) {
        var refused = access.refusal(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        ReportRange range = ReportRange.of(from, to, clock);
        return QuestionReportResource.csv(reporter.report(range.from(), range.to()));
    }
}
