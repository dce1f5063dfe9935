#!/usr/bin/env bash
# Builds Herald's image on a Debian base made locally (no image registry needed), runs it on the embedded
# default backend, waits until it is ready and asks the seed question.
#
#   deploy/build-and-ask.sh            # leaves the container running on http://localhost:$HERALD_PORT
#   deploy/build-and-ask.sh --rm       # removes the container (and its data volume) at the end
#
# Needs: root (debootstrap and docker), Debian's debootstrap and docker.io with dockerd running, Java 17
# and Maven when target/quarkus-app is not built yet. The base image is made once and then reused:
# `docker rmi herald-base:bookworm` makes it again. The root filesystem is built in a temporary folder
# outside the repository and deleted once imported.
#
# Environment:
#   HERALD_PORT    host port for Herald (default 8080)
#   DEBIAN_MIRROR  mirror for debootstrap and apt-get in the build (default http://deb.debian.org/debian)
#   OLLAMA_URL     Ollama for the container, e.g. http://host.docker.internal:11434 (default: none, so
#                  Herald answers in retrieval-only mode)
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_IMAGE=herald-base:bookworm
IMAGE=herald:local
CONTAINER=herald-local
PORT=${HERALD_PORT:-8080}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
QUESTION="When does Putin visit Vietnam?"
REMOVE=false
[[ "${1:-}" == "--rm" ]] && REMOVE=true

step_started=0
step() { step_started=$(date +%s); printf '\n== %s\n' "$*"; }
took() { printf '   (%ss)\n' "$(( $(date +%s) - step_started ))"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

docker info >/dev/null 2>&1 || fail "no Docker engine answers: apt-get install docker.io, then start dockerd as root"

step "Application (Quarkus fast-jar in target/quarkus-app)"
if [[ -f target/quarkus-app/quarkus-run.jar ]]; then
  echo "   using the existing build (mvn -B -q package -DskipTests rebuilds it)"
else
  mvn -B -q package -DskipTests
fi
took

step "Base image $BASE_IMAGE (debootstrap --variant=minbase bookworm, docker import)"
if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  echo "   already made; docker rmi $BASE_IMAGE to make it again"
else
  command -v debootstrap >/dev/null || fail "debootstrap missing: apt-get install debootstrap"
  rootfs=$(mktemp -d "${TMPDIR:-/tmp}/herald-rootfs.XXXXXX")
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" > "$rootfs.log" 2>&1 \
    || { tail -20 "$rootfs.log"; fail "debootstrap (log above)"; }
  rm -f "$rootfs.log"
  tar -C "$rootfs" -c . | docker import --message "Debian bookworm minbase" - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi
docker image ls "$BASE_IMAGE" --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sed 's/^/   /'
took

step "Image $IMAGE (FROM $BASE_IMAGE, openjdk-17-jre-headless from Debian)"
docker build --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$IMAGE" . > target/docker-build.log 2>&1 \
  || { tail -30 target/docker-build.log; fail "docker build (log above, in full in target/docker-build.log)"; }
grep -m1 'openjdk version' target/docker-build.log | sed 's/^[^o]*/   /' || true
docker image ls "$IMAGE" --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sed 's/^/   /'
took

step "Run $CONTAINER on port $PORT (embedded Lucene index in a volume)"
docker rm -f -v "$CONTAINER" >/dev/null 2>&1 || true
run_args=(-d --name "$CONTAINER" -p "$PORT:8080" --add-host=host.docker.internal:host-gateway)
[[ -n "${OLLAMA_URL:-}" ]] && run_args+=(-e "QUARKUS_LANGCHAIN4J_OLLAMA_BASE_URL=$OLLAMA_URL")
docker run "${run_args[@]}" "$IMAGE" >/dev/null
echo "   user: $(docker exec "$CONTAINER" id)"
echo "   data volume: $(docker inspect -f '{{range .Mounts}}{{.Destination}}{{end}}' "$CONTAINER")"

step "Waiting for the health check (/q/health/ready)"
status=starting
for _ in $(seq 1 120); do
  status=$(docker inspect -f '{{.State.Health.Status}}' "$CONTAINER" 2>/dev/null || echo gone)
  [[ "$status" == healthy || "$status" == unhealthy || "$status" == gone ]] && break
  sleep 2
done
if [[ "$status" != healthy ]]; then
  docker logs --tail 40 "$CONTAINER" 2>&1 || true
  fail "container is $status (logs above)"
fi
docker logs "$CONTAINER" 2>&1 | grep -E 'Ingested|started in' | sed 's/^/   /'
echo "   health: $(curl -fsS "http://localhost:$PORT/q/health/ready" | tr -d '\n' | tr -s ' ')"
took

step "POST /api/ask {\"question\":\"$QUESTION\"}"
response=$(curl -fsS "http://localhost:$PORT/api/ask" -H 'Content-Type: application/json' \
  -d "{\"question\":\"$QUESTION\"}")
took
if command -v python3 >/dev/null; then
  printf '%s' "$response" | python3 -c '
import json, sys
a = json.load(sys.stdin)
print("   answer: " + a["answer"])
print("   mode:   " + a["mode"] + (" (" + a["reason"] + ")" if a.get("reason") else ""))
for i, s in enumerate(a["sources"], 1):
    print("   [%d] %s (%s, %s)" % (i, s["title"], s["source"], s["publishedAt"]))'
else
  printf '   %s\n' "$response"
fi
echo "   memory: $(docker stats --no-stream --format '{{.MemUsage}}' "$CONTAINER")"

if $REMOVE; then
  docker rm -f -v "$CONTAINER" >/dev/null
  echo; echo "Removed $CONTAINER."
else
  echo; echo "Herald runs on http://localhost:$PORT (docker rm -f -v $CONTAINER stops it and deletes its data)."
fi
grep -q 'June 19' <<<"$response" || fail "the answer does not give the date (June 19-20)"
