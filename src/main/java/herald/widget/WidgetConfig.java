package herald.widget;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/**
 * The web chat widget's settings. The default lives in application.properties, because Quarkus' CORS filter
 * reads the same value there ({@code quarkus.http.cors.origins=${herald.widget.allowed-origins}}).
 */
@ConfigMapping(prefix = "herald.widget")
public interface WidgetConfig {

    /** Origins whose pages may call the API from a browser; an entry between slashes is a regular expression. */
    List<String> allowedOrigins();
}
