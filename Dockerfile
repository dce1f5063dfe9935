# Herald's container image: the Quarkus fast-jar from `mvn package` on a Java 17 runtime.
#
#   mvn -B -q package -DskipTests && docker build -t herald .
#   docker run -p 8080:8080 -v herald-data:/var/lib/herald herald
#
# BASE_IMAGE is any Debian- or Ubuntu-based image. A JRE image (the default) is used as it is; a bare
# Debian (deploy/build-and-ask.sh makes one with debootstrap when no registry is reachable) gets
# openjdk-17-jre-headless from its own package mirror.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="Herald" \
      org.opencontainers.image.description="Self-hosted news question answering: answers from ingested articles, with citations, by a local LLM (Ollama)"

USER root

# Only what the base lacks: java (bare Debian) and curl (the health check). Nothing else is downloaded at
# run time; the embedding model is inside the application's jars.
RUN set -eux; \
    missing=""; \
    command -v java >/dev/null 2>&1 || missing="$missing openjdk-17-jre-headless"; \
    command -v curl >/dev/null 2>&1 || missing="$missing curl"; \
    if [ -n "$missing" ]; then \
        export DEBIAN_FRONTEND=noninteractive; \
        apt-get update; \
        apt-get install -y --no-install-recommends ca-certificates $missing; \
        apt-get clean; \
        rm -rf /var/lib/apt/lists/*; \
    fi; \
    java -version

# A fixed uid, so a bind-mounted data folder can be chowned to it (chown 10001 DIR). Its home is where the
# tokenizer's native library is unpacked at startup.
RUN set -eux; \
    groupadd --system --gid 10001 herald; \
    useradd --system --uid 10001 --gid herald --create-home --home-dir /home/herald --shell /usr/sbin/nologin herald; \
    mkdir -p /var/lib/herald; \
    chown herald:herald /var/lib/herald

# Fast-jar layout, dependencies first: a code change rebuilds only the last layers. The files stay owned by
# root, so the service cannot rewrite its own code.
WORKDIR /opt/herald
COPY target/quarkus-app/lib/ /opt/herald/lib/
COPY target/quarkus-app/*.jar /opt/herald/
COPY target/quarkus-app/app/ /opt/herald/app/
COPY target/quarkus-app/quarkus/ /opt/herald/quarkus/
# The prompts as shipped; mount a folder over /etc/herald/prompts to edit them on a running container.
COPY prompts/ /etc/herald/prompts/

# UTF-8 whatever the base's locale: the Slack SDK signs request bodies in the default charset. The heap may
# use most of the container's memory limit; out of memory, the JVM exits and the container is restarted
# rather than left half-working.
ENV LANG=C.UTF-8 \
    HERALD_DATA_DIR=/var/lib/herald \
    HERALD_PROMPTS_DIR=/etc/herald/prompts \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8"

VOLUME /var/lib/herald
EXPOSE 8080
USER herald

# Ready once the index is open (Ollama being down does not make Herald unready: it answers by quoting).
# The first start embeds the bundled article, hence the start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}/q/health/ready" || exit 1

# Arguments go to Herald, so the image also runs its commands: `docker run … herald ingest /articles`.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/herald/quarkus-run.jar \"$@\"", "herald"]
CMD []
