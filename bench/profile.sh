#!/usr/bin/env bash
# Where a GET of one application spends the service's CPU: bench/profile.sh (any user; Java 17, curl, jq, wrk).
# Starts the packaged service on its local default (embedded PostgreSQL, seeded data) in a temporary directory,
# warms it up, records a Java Flight Recorder profile while wrk drives GET /api/v1/applications/{id}, and prints the
# share of CPU samples per part of the request (bench/lib/profile.py). Stops what it started. Measures no goal;
# it tells where the time of the ratio line goes (see bench/results/2026-11-25.notes.md).
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
JAR=$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar
PORT=${PROFILE_HTTP_PORT:-18180}
CONNS=${PROFILE_CONNECTIONS:-8}
SECONDS_PROFILED=${PROFILE_SECONDS:-30}
WORK=$(mktemp -d /tmp/socialfund-profile.XXXXXX)
log() { printf '[profile %s] %s\n' "$(date -u +%T)" "$*" >&2; }

[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
export SOCIALFUND_DATA_DIR=$WORK/data SOCIALFUND_DB_PORT=${PROFILE_DB_PORT:-54410} QUARKUS_HTTP_PORT=$PORT \
  SOCIALFUND_SEED=true
java -Xmx512m -XX:FlightRecorderOptions:stackdepth=512 -jar "$JAR" >"$WORK/service.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$WORK"' EXIT
# the token only once the service is up: the service makes the local signing key at its first start
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
  sleep 0.5
done
token=$(java -jar "$JAR" token fund-officer kommunstyrelsens-kontor 2>/dev/null | tail -1)
auth="Authorization: Bearer $token"
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "http://127.0.0.1:$PORT/api/v1/fund")" = 200 ] && break
  kill -0 $pid 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
  sleep 0.5
done
id=$(curl -sf -H "$auth" "http://127.0.0.1:$PORT/api/v1/applications?limit=1" | jq -r '.items[0].id')
url=http://127.0.0.1:$PORT/api/v1/applications/$id
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$url")" = 200 ] || { log "GET one is not 200"; exit 1; }
log "warming up for 20 s"
wrk -t2 -c"$CONNS" -d20s -H "$auth" "$url" >/dev/null
jcmd $pid JFR.start name=profile settings=profile filename="$WORK/get-one.jfr" >/dev/null
log "profiling for $SECONDS_PROFILED s at $CONNS connections"
wrk -t2 -c"$CONNS" -d"${SECONDS_PROFILED}s" -H "$auth" "$url" | grep -E 'Requests/sec|Latency|Non-2xx'
jcmd $pid JFR.stop name=profile >/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
jfr print --json --stack-depth 512 --events jdk.ExecutionSample "$WORK/get-one.jfr" >"$WORK/samples.json"
/usr/bin/python3 "$BENCH/lib/profile.py" "$WORK/samples.json"
