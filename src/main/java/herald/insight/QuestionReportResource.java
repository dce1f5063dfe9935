package herald.insight;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;

/** The newsroom's question report as JSON or CSV, for the holder of the API key. */
@Path("/api/reports/questions")
@Blocking
public class QuestionReportResource {

    static final String CSV = "text/csv; charset=UTF-8";

    private final QuestionReporter reporter;
    private final NewsroomAccess access;
    private final Clock clock;

    public QuestionReportResource(QuestionReporter reporter, NewsroomAccess access, Clock clock) {
        this.reporter = reporter;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "What readers asked from one day to another (YYYY-MM-DD, both included; default the last 30 days): "
            + "totals, by day, the most asked questions grouped, the unanswered ones, thumbs-down answers and the most cited articles; "
            + "?format=csv for a spreadsheet. Needs the API key")
    public Response report(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("format") String format) {
        var refused = access.refusal(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            return NewsroomAccess.problem(400, "Bad Request", "format must be json or csv");
        }
        ReportRange range = ReportRange.of(from, to, clock);
        QuestionReport report = reporter.report(range.from(), range.to());
        return csv ? csv(report) : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    static Response csv(QuestionReport report) {
        return Response.ok(ReportCsv.of(report), CSV)
                .header("Content-Disposition", "attachment; filename=\"questions-" + report.from() + "-" + report.to() + ".csv\"")
                .build();
    }
}
