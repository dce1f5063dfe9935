package herald.widget;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says at startup which sites may embed the widget: a refused origin otherwise shows only in the reader's browser console. */
@ApplicationScoped
class AllowedOriginsReport {

    private static final Logger LOG = Logger.getLogger(AllowedOriginsReport.class);

    private final WidgetConfig config;

    AllowedOriginsReport(WidgetConfig config) {
        this.config = config;
    }

    void report(@Observes StartupEvent started) {
        LOG.infof("Web chat widget: pages on %s may ask questions (herald.widget.allowed-origins)",
                String.join(", ", config.allowedOrigins()));
    }
}
