package herald.sources;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Optional;

/** Sources listed in configuration ({@code herald.sources[n].url}), for deployments kept in git. */
@ConfigMapping(prefix = "herald")
public interface ConfiguredSources {

    /** The listed sources, polled like those added over the API; they cannot be deleted over it. */
    @WithName("sources")
    Optional<List<Feed>> list();

    interface Feed {
        /** The feed or sitemap URL. */
        String url();

        /** Shown in the API; the URL's host when absent. */
        Optional<String> name();

        /** ISO-8601 duration between polls; {@code herald.sources.default-poll-every} when absent. */
        Optional<String> pollEvery();
    }
}
