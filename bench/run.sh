#!/usr/bin/env bash
# The benchmark, in one command: bench/run.sh (as root, on a machine of the project's kind). See bench/README.md.
# Builds the service, starts a PostgreSQL 15 of its own and the packaged service against it, grows the data set
# 1k -> 10k -> 100k -> 1M applications, drives wrk and pgbench -S at each size, and writes bench/results/<date>.md.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
WORK=$BENCH/work
SIZES=${BENCH_SIZES:-"1000 10000 100000 1000000"}
CONNS=${BENCH_CONNECTIONS:-"1 8 32"}
DURATION=${BENCH_DURATION:-5}                  # seconds of each wrk and pgbench run
REPEATS=${BENCH_REPEATS:-3}                    # runs of each (endpoint, connections), interleaved; medians reported
WARMUP=${BENCH_WARMUP:-120}                    # seconds of JIT warm-up after each start (60 left C2 unfinished)
RATIO_CONNS=${BENCH_RATIO_CONNECTIONS:-8}      # the connection count of the ratio line
STATEMENT_SAMPLES=${BENCH_STATEMENT_SAMPLES:-100}
HTTP_PORT=${BENCH_HTTP_PORT:-18080}
JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xmx512m"}
PGBENCH_SCALE=${BENCH_PGBENCH_SCALE:-10}
LOAD_CHUNK=${BENCH_LOAD_CHUNK:-100000}
RESULTS_DATE=${BENCH_DATE:-$(date -u +%F)}
RESULTS=${BENCH_RESULTS:-$BENCH/results/$RESULTS_DATE.md}
JAR=$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar
APP_DIR=$ROOT/bootstrap/target/quarkus-app      # the service runs here: the AppCDS archive names quarkus-run.jar
LOCAL_DB_PORT=${BENCH_LOCAL_DB_PORT:-54390}     # the local default's embedded PostgreSQL, for its start figures
JDK25=${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
SAMPLE=$ROOT/bootstrap/src/test/resources/sample-application.json
BASE=http://127.0.0.1:$HTTP_PORT
RUN_STARTED=$(date +%s)

log() { printf '[bench %s] %s\n' "$(date -u +%T)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

write_report() {
  BENCH_CONNS="$CONNS" BENCH_RATIO_CONNS="$RATIO_CONNS" BENCH_DURATION="$DURATION" BENCH_JAVA_OPTS="$JAVA_OPTS" \
    BENCH_SIZES="$SIZES" BENCH_PGBENCH_SCALE="$PGBENCH_SCALE" BENCH_STATEMENT_SAMPLES="$STATEMENT_SAMPLES" \
    BENCH_RESULTS_DATE="$RESULTS_DATE" \
    /usr/bin/python3 "$BENCH/lib/report.py" "$WORK" >"$RESULTS.tmp"
  if [ -f "$BENCH/results/$RESULTS_DATE.notes.md" ]; then
    cat "$BENCH/results/$RESULTS_DATE.notes.md" >>"$RESULTS.tmp"
  fi
  mv "$RESULTS.tmp" "$RESULTS"
  cat "$RESULTS"
}
# bench/run.sh --report: writes the results file again from the last run's figures in bench/work (e.g. after the
# hand-written notes in results/<date>.notes.md changed); measures nothing
if [ "${1:-}" = --report ]; then
  [ -f "$WORK/run-seconds" ] || die "no finished run in $WORK"
  write_report
  exit 0
fi

# ---- what the run needs -------------------------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || die "run as root (PostgreSQL is started as the postgres user with runuser)"
for tool in java curl jq psql pgbench runuser awk; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
[ -x /usr/bin/python3 ] || die "/usr/bin/python3 is missing (it writes the report)"
[ -x /usr/lib/postgresql/15/bin/postgres ] || die "PostgreSQL 15 server binaries are missing (apt-get install postgresql-15)"
/usr/lib/postgresql/15/bin/postgres --version >/dev/null
[ -f /usr/share/postgresql/15/extension/pg_stat_statements.control ] || die "pg_stat_statements is missing"
id postgres >/dev/null 2>&1 || die "there is no postgres user"
if ! command -v wrk >/dev/null; then
  log "installing wrk (apt-get)"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

. "$BENCH/lib/pg.sh"
. "$BENCH/lib/templates.sh"

# ---- clean start, and everything stopped on the way out -------------------------------------------------------------
SERVICE_PID=
EXTRA_PIDS=()
stop_extra() {
  local pid
  for pid in "${EXTRA_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  EXTRA_PIDS=()
}
stop_service() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID"
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
}
cleanup() {
  stop_service
  stop_extra
  [ -z "${LOAD_SAMPLER:-}" ] || kill "$LOAD_SAMPLER" 2>/dev/null || true
  [ -f "$PG_DATA/postmaster.pid" ] && pg_stop
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -f "$WORK/pg/data/postmaster.pid" ]; then pg_stop || true; fi
rm -rf "$WORK"
mkdir -p "$WORK/tokens" "$WORK/paths" "$WORK/wrk" "$BENCH/results"
chmod 755 "$WORK"
for f in results pgbench tpcb changes changes-pgbench starts rss statements counts loads machine-load; do : >"$WORK/$f.tsv"; done
# the machine is shared: its load average every 10 s, for the report
( while :; do printf '%s\t%s\n' "$(date +%s)" "$(cut -d' ' -f1 /proc/loadavg)" >>"$WORK/machine-load.tsv"; sleep 10; done ) &
LOAD_SAMPLER=$!

# ---- build -------------------------------------------------------------------------------------------------------------
build_started=$(date +%s)
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f "$JAR" ] && [ -f "$APP_DIR/jvm.options" ]; then
  log "using the package already built (BENCH_SKIP_BUILD=1)"
else
  log "building the service (./mvnw package -DskipTests)"
  (cd "$ROOT" && { ./mvnw -q -B -o package -DskipTests || ./mvnw -q -B package -DskipTests; }) >"$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log"; die "the build failed"; }
fi
echo "$(( $(date +%s) - build_started ))" >"$WORK/build-seconds"

# ---- PostgreSQL, and pgbench's own database in it ---------------------------------------------------------------------
log "starting PostgreSQL 15 on 127.0.0.1:$PG_PORT (data in $PG_DATA)"
pg_start
{
  echo "lscpu"; lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket)'; echo
  echo "free -m"; free -m
  echo; echo "uname"; uname -srm
  echo; echo "java"; java -version 2>&1
  echo; echo "postgres"; /usr/lib/postgresql/15/bin/postgres --version
  echo; echo "wrk"; wrk --version 2>&1 | head -1 || true
  echo; echo "pgbench"; pgbench --version
  echo; echo "quarkus"; grep -m1 -o '<quarkus.platform.version>[^<]*' "$ROOT/pom.xml" | sed 's/.*>//' || true
  echo; echo "commit"; git -C "$ROOT" rev-parse --short HEAD
} >"$WORK/machine.txt" 2>&1
sed -n '/^listen_addresses/,$p' "$PG_DATA/postgresql.conf" >"$WORK/pg-settings.txt"
log "initialising pgbench (scale $PGBENCH_SCALE)"
PGPASSWORD=$PGBENCH_PASSWORD pgbench -i -q -s "$PGBENCH_SCALE" -h 127.0.0.1 -p "$PG_PORT" -U pgbench pgbench \
  >"$WORK/pgbench-init.log" 2>&1

# ---- the service: production settings, a PostgreSQL of its own, two roles, tokens signed by its key ------------------
SERVICE_ENV=(SOCIALFUND_DATA_DIR="$WORK/service"
  QUARKUS_HTTP_PORT="$HTTP_PORT"
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/socialfund"
  QUARKUS_DATASOURCE_USERNAME=socialfund_app QUARKUS_DATASOURCE_PASSWORD="$APP_PASSWORD"
  QUARKUS_FLYWAY_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/socialfund"
  QUARKUS_FLYWAY_USERNAME=socialfund_owner QUARKUS_FLYWAY_PASSWORD="$OWNER_PASSWORD")
log "making tokens (the service's local signing key, in $WORK/service/keys)"
while read -r role office; do
  env "${SERVICE_ENV[@]}" java -jar "$JAR" token "$role" $office --hours 24 >"$WORK/tokens/$role"
done <<'ROLES'
fund-officer kommunstyrelsens-kontor
applicant utbildningskontoret
office-head utbildningskontoret
scientific-advisor
auditor
ROLES
FO_TOKEN=$(tok fund-officer)

# starts the jar and polls an authorised GET every 20 ms: start-to-first-200 in ms and the RSS then. The service
# runs as production would: in the package's directory with the package's JVM options (START_OPTS, default
# @jvm.options: the start archive and C2's thresholds; "" for the JVM's defaults), on Java 17 (START_JAVA: another
# java), against the benchmark's PostgreSQL (START_ENV=LOCAL_ENV: the local default, whose token START_TOKEN is
# signed with the local default's own key)
START_OPTS=@jvm.options
START_JAVA=java
START_ENV=SERVICE_ENV
START_TOKEN=
start_service() {
  local label=$1 extra=${2:-} t0 t1 code token=${START_TOKEN:-$FO_TOKEN}
  local -n envs=$START_ENV
  t0=$(date +%s%N)
  # a simple command in the background: $! is the java process itself (the subshell and env exec it)
  (cd "$APP_DIR" && exec env "${envs[@]}" "$START_JAVA" $JAVA_OPTS $START_OPTS $extra -jar quarkus-run.jar) \
    >>"$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Authorization: Bearer $token" \
      "$BASE/api/v1/applications?limit=1" || true)
    [ "$code" = 200 ] && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$WORK/service.log"; die "the service stopped"; }
    [ $(( $(date +%s%N) - t0 )) -lt 180000000000 ] || die "no 200 within 180 s"
    sleep 0.02
  done
  t1=$(date +%s%N)
  local rss quarkus cpu
  rss=$(awk '/^VmRSS/{print $2}' "/proc/$SERVICE_PID/status")
  # CPU seconds (user + system) the process had used by then: what the start costs, whatever else runs
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$SERVICE_PID/stat")
  quarkus=$(grep -o 'started in [0-9.]*s' "$WORK/service.log" | tail -1 | grep -o '[0-9.]*' || echo "")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" $(( (t1 - t0) / 1000000 )) "$quarkus" "$rss" "$cpu" \
    "$(cut -d' ' -f1 /proc/loadavg)" >>"$WORK/starts.tsv"
  log "service up ($label): first authorised 200 after $(( (t1 - t0) / 1000000 )) ms, $cpu CPU-s, RSS $((rss / 1024)) MB"
}

log "first start on an empty database (Flyway migrates)"
start_service cold
log "making the templates through the API: a real application walked to each stage of the mix"
make_templates
TEMPLATES=$(awk '{printf "%s%s %s %s", (NR > 1 ? "," : ""), $1, $2, $3}' "$WORK/templates.txt")
sql -v templates="$TEMPLATES" -f "$BENCH/sql/prepare.sql" >/dev/null

# ---- measuring ---------------------------------------------------------------------------------------------------------
# wrk_run SIZE ENDPOINT CONNS SCRIPT [env...]: one wrk run, its RESULT line appended to results.tsv
wrk_run() {
  local size=$1 endpoint=$2 conns=$3 script=$4; shift 4
  local threads=2 out="$WORK/wrk/$size-$endpoint-c$conns-r$REP.txt"
  [ "$conns" -ge 2 ] || threads=1
  env "$@" wrk -t"$threads" -c"$conns" -d"${DURATION}s" --timeout 10s -s "$BENCH/lua/$script" "$BASE" >"$out" 2>&1 \
    || die "wrk failed: $(cat "$out")"
  local line
  line=$(grep '^RESULT ' "$out") || die "no result from wrk: $(cat "$out")"
  # shellcheck disable=SC2046
  eval "local $(echo "${line#RESULT }")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$endpoint" "$conns" "$rps" "$p50_us" "$p99_us" \
    "$non2xx" "$((connect + read + write + timeout))" "$requests" "$REP" >>"$WORK/results.tsv"
  log "  [$REP] $endpoint c=$conns: $rps req/s, p50 $((p50_us / 1000)).$(( (p50_us % 1000) / 100 )) ms, p99 $((p99_us / 1000)).$(( (p99_us % 1000) / 100 )) ms, non-2xx $non2xx"
  [ "$non2xx" = 0 ] || log "  WARNING: $non2xx non-2xx responses"
}

# pgbench_run SIZE CONNS select|tpcb [FILE]: one pgbench run (select-only -S, or the default TPC-B-like script)
# against pgbench's own database in the same PostgreSQL; appended to FILE (pgbench.tsv or tpcb.tsv by default)
pgbench_run() {
  local size=$1 c=$2 kind=$3 jobs=2 out="$WORK/wrk/$1-pgbench-$3-c$2-r$REP.txt" flag=-S file=${4:-pgbench.tsv}
  [ "$c" -ge 2 ] || jobs=1
  [ "$kind" = select ] || { flag=; file=${4:-tpcb.tsv}; }
  PGPASSWORD=$PGBENCH_PASSWORD pgbench $flag -n -c "$c" -j "$jobs" -T "$DURATION" -h 127.0.0.1 -p "$PG_PORT" \
    -U pgbench pgbench >"$out" 2>&1 || die "pgbench failed: $(cat "$out")"
  local tps lat
  tps=$(awk '/^tps = /{print $3}' "$out")
  lat=$(awk '/^latency average = /{print $4}' "$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$c" "$tps" "$lat" "$REP" >>"$WORK/$file"
  log "  [$REP] pgbench ${flag:-(TPC-B-like)} c=$c: $tps tps"
}

# check PATH TOKEN JQ-TEST: one request answered 200 with a body that passes the test, or the run stops
check() {
  local path=$1 role=$2 test=$3 out code
  out=$(mktemp)
  code=$(curl -s -o "$out" -w '%{http_code}' -H "Authorization: Bearer $(tok "$role")" -H 'Accept: application/json' \
    "$BASE$path") \
    || die "GET $path as $role: curl failed ($?)"
  [ "$code" = 200 ] || die "GET $path as $role answered $code: $(head -c 500 "$out")"
  jq -e "$test" "$out" >/dev/null || die "GET $path as $role: the body fails '$test': $(head -c 500 "$out")"
  rm -f "$out"
}

cursor() { printf 'k1:%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }

# Statements per request, counted twice over N sequential requests of one endpoint: by pg_stat_statements (the
# service's own role in its database; it does not show COMMIT sent as a prepared statement, nor the empty query of
# the pool's validation on borrow) and by the server's statement log (log_statement = all, only while counting),
# which shows every statement the service sent. The benchmark's own queries run as the superuser: not counted.
SERVICE_DB_FILTER="userid = 'socialfund_app'::regrole AND dbid = (SELECT oid FROM pg_database WHERE datname = 'socialfund')"
statement_log() { # statement_log on|off
  if [ "$1" = on ]; then sql -c "ALTER SYSTEM SET log_statement = 'all'" >/dev/null
  else sql -c "ALTER SYSTEM RESET log_statement" >/dev/null; fi
  sql -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
}
count_statements() { # count_statements SIZE LABEL N CURL-CONFIG
  local size=$1 label=$2 n=$3 config=$4 codes from
  sqlv -c "SELECT pg_stat_statements_reset()" >/dev/null
  sleep 0.2
  from=$(($(wc -l <"$PG_LOG") + 1))
  codes=$(curl -s -K "$config" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}') || die "curl failed for $label"
  case "$codes" in "$n×200 "|"$n×201 ") ;; *) die "statement count for $label: answers were $codes" ;; esac
  sleep 0.3
  local total db_ms logged breakdown
  # the webhook worker's lease (below) counts twice here, its BEGIN and its UPDATE (its COMMIT is a prepared
  # statement, which pg_stat_statements does not track), and is taken off in the same reading
  total=$(sqlv -c "SELECT coalesce(sum(calls), 0) - 2 * coalesce(sum(calls) FILTER (WHERE query LIKE 'UPDATE webhook_endpoint SET leased_until%'), 0) FROM pg_stat_statements WHERE $SERVICE_DB_FILTER")
  db_ms=$(sqlv -c "SELECT round((coalesce(sum(total_exec_time), 0) / $n)::numeric, 3) FROM pg_stat_statements WHERE $SERVICE_DB_FILTER")
  # an empty query counts when the same connection's next statement is a real one (the pool validating the
  # connection it lends); one followed by another empty query, or by nothing, was the pool's background validation
  # of an idle connection, which is no part of any request. Neither is the webhook worker's lease (BEGIN, UPDATE
  # webhook_endpoint SET leased_until, COMMIT on one connection, each poll interval), which falls into whichever
  # count it meets: it goes to background-<label>.log, apart from the request's statements
  tail -n +"$from" "$PG_LOG" | grep -E 'socialfund_app@socialfund LOG:  (statement|execute [^:]*): ' \
    | sed -E 's/^[^[]*\[([0-9]+)\] .*LOG:  (statement|execute [^:]*): ?/\1\t/' \
    | awk -F'\t' -v bg="$WORK/background-$label.log" '
        function out(text) { if (lease[$1]) print text >bg; else print text }
        { if ($2 == "") { pending[$1] = 1; next }
          if ($2 == "BEGIN" && !begun[$1]) { begun[$1] = 1; next }
          if (begun[$1]) lease[$1] = ($2 ~ /^UPDATE webhook_endpoint SET leased_until/)
          if (pending[$1]) { out(""); pending[$1] = 0 }
          if (begun[$1]) { begun[$1] = 0; out("BEGIN") }
          out($2)
          if ($2 == "COMMIT" || $2 == "ROLLBACK") lease[$1] = 0 }
        # a BEGIN with nothing after it when the log is read: the lease starting (a request has finished by then)
        END { for (p in begun) if (begun[p]) { if (pending[p]) print "" >bg; print "BEGIN" >bg } }' >"$WORK/statements-$label.log" || true
  touch "$WORK/background-$label.log"
  logged=$(wc -l <"$WORK/statements-$label.log")
  breakdown=$(sed -E 's/^$/(empty query: the pool validating the connection)/; s/\s+/ /g' "$WORK/statements-$label.log" \
    | cut -c1-72 | sed -E 's/(VALUES|WHERE|where|values) .*/\1 .../' | sort | uniq -c | sort -k1,1nr -k2 \
    | awk -v n="$n" '{c = $1; $1 = ""; sub(/^ /, ""); gsub(/\|/, "/"); printf "%s%.2f × `%s`", (NR > 1 ? "; " : ""), c / n, $0}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$label" "$n" "$total" "$logged" "$db_ms" "$breakdown" \
    >>"$WORK/statements.tsv"
  log "  statements per request, $label: $(awk -v t="$total" -v l="$logged" -v n="$n" 'BEGIN{printf "%.2f (pg_stat_statements), %.2f (server log)", t/n, l/n}')"
}
get_config() { # get_config ROLE N PATH... -> a curl config of N GETs cycling through the paths
  local role=$1 n=$2; shift 2
  local paths=("$@") i
  for ((i = 0; i < n; i++)); do
    [ "$i" = 0 ] || echo next
    printf 'url = "%s%s"\nheader = "Authorization: Bearer %s"\nheader = "Accept: application/json"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' \
      "$BASE" "${paths[i % ${#paths[@]}]}" "$(tok "$role")"
  done
}
post_config() { # post_config N TAG -> a curl config of N submissions, each with its own Idempotency-Key
  local n=$1 tag=$2 i
  for ((i = 0; i < n; i++)); do
    [ "$i" = 0 ] || echo next
    printf 'url = "%s/api/v1/applications"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\nheader = "Idempotency-Key: bench-%s-%s"\ndata-binary = "@%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' \
      "$BASE" "$(tok applicant)" "$tag" "$i" "$SAMPLE"
  done
}

# the rows a benchmark's submissions added are taken away again (triggers off for this superuser session only), so
# that each size is measured at exactly its size
remember_before_submissions() {
  SUBMIT_MARK=$(sqlv -c "SELECT (SELECT coalesce(max(position), 0) FROM application) || ' ' || last_sequence || ' ' || last_hash || ' ' || coalesce((SELECT last_number FROM registration_counter WHERE year = $YEAR), 0) FROM audit_chain_head")
}
forget_submissions() {
  local position sequence hash counter
  read -r position sequence hash counter <<<"$SUBMIT_MARK"
  sql >/dev/null <<SQL
BEGIN;
SET LOCAL session_replication_role = replica;
CREATE TEMP TABLE gone ON COMMIT DROP AS SELECT id FROM application WHERE position > $position;
DELETE FROM application_office WHERE position > $position;
DELETE FROM application_task WHERE application_id IN (SELECT id FROM gone);
DELETE FROM application_event WHERE application_id IN (SELECT id FROM gone);
DELETE FROM application_revision WHERE application_id IN (SELECT id FROM gone);
DELETE FROM application WHERE id IN (SELECT id FROM gone);
DELETE FROM audit_event WHERE sequence > $sequence;
DELETE FROM idempotency_key WHERE key LIKE 'bench-%';
UPDATE audit_chain_head SET last_sequence = $sequence, last_hash = '$hash';
UPDATE registration_counter SET last_number = $counter WHERE year = $YEAR;
COMMIT;
SQL
}

grow_to() { # grow_to SIZE: loads applications until there are SIZE
  local size=$1 have loaded from to started
  have=$(sqlv -c "SELECT count(*) FROM application")
  loaded=$(sqlv -c "SELECT g FROM bench.loaded")
  started=$(date +%s)
  while [ "$have" -lt "$size" ]; do
    from=$((loaded + 1))
    to=$((loaded + size - have))
    [ $((to - from + 1)) -le "$LOAD_CHUNK" ] || to=$((from + LOAD_CHUNK - 1))
    sql -c "CALL bench.load($from, $to)" >/dev/null
    loaded=$to
    have=$(sqlv -c "SELECT count(*) FROM application")
    log "  $have applications"
  done
  local load_s=$(( $(date +%s) - started ))
  started=$(date +%s)
  sql -c "VACUUM ANALYZE" >/dev/null
  sql -c "CHECKPOINT" >/dev/null
  printf '%s\t%s\t%s\n' "$size" "$load_s" "$(( $(date +%s) - started ))" >>"$WORK/loads.tsv"
  sqlv -F $'\t' -c "SELECT $size, (SELECT count(*) FROM application), (SELECT count(*) FROM application_revision),
      (SELECT count(*) FROM application_event), (SELECT count(*) FROM audit_event),
      (SELECT count(*) FROM application_office), pg_database_size('socialfund')" >>"$WORK/counts.tsv"
}

ENDPOINTS=${BENCH_ENDPOINTS:-"api-info one list-first list-deep list-office fund audit-first audit-deep tasks-officer tasks-office"}
measure_size() {
  local size=$1
  # what the runs ask for: 1,000 applications spread over the whole table, and pages in the middle of the lists
  sqlv -c "SELECT '/api/v1/applications/' || id FROM application ORDER BY random() LIMIT 1000" >"$WORK/paths/one"
  local middle_position middle_sequence
  middle_position=$(sqlv -c "SELECT position FROM application ORDER BY position OFFSET (SELECT count(*) / 2 FROM application) LIMIT 1")
  middle_sequence=$(sqlv -c "SELECT last_sequence / 2 FROM audit_chain_head")
  echo "/api/v1/api-info" >"$WORK/paths/api-info"
  echo "/api/v1/applications" >"$WORK/paths/list-first"
  echo "/api/v1/applications?cursor=$(cursor "$middle_position")" >"$WORK/paths/list-deep"
  echo "/api/v1/applications" >"$WORK/paths/list-office"
  echo "/api/v1/fund" >"$WORK/paths/fund"
  echo "/api/v1/audit-events" >"$WORK/paths/audit-first"
  echo "/api/v1/audit-events?cursor=$(cursor "$middle_sequence")" >"$WORK/paths/audit-deep"
  echo "/api/v1/tasks" >"$WORK/paths/tasks-officer"
  echo "/api/v1/tasks" >"$WORK/paths/tasks-office"
  declare -A role=([api-info]=fund-officer [one]=fund-officer [list-first]=fund-officer [list-deep]=fund-officer [list-office]=applicant
                   [fund]=fund-officer [audit-first]=auditor [audit-deep]=auditor [tasks-officer]=fund-officer
                   [tasks-office]=applicant)
  declare -A valid=(
    [api-info]='.name and .version'
    [one]='.id and .registrationNumber and .stage and .content.title and (.allowedActions | type == "array")'
    [list-first]='(.items | length) == 50 and .nextCursor != null and .items[0].registrationNumber != null'
    [list-deep]='(.items | length) == 50 and .nextCursor != null and .items[0].registrationNumber != null'
    [list-office]='(.items | length) == 50 and .nextCursor != null and all(.items[]; .offices | index("utbildningskontoret"))'
    [fund]='.capital.amount and .available.amount'
    [audit-first]='(.items | length) == 50 and .nextCursor != null and (.items[0].hash | length) == 64'
    [audit-deep]='(.items | length) == 50 and .nextCursor != null and (.items[0].hash | length) == 64'
    [tasks-officer]='(.items | length) == 50 and .nextCursor != null and all(.items[]; (.actions | length) > 0)'
    [tasks-office]='(.items | length) == 50 and .nextCursor != null and all(.items[]; (.actions | length) > 0)')
  local e c p
  for p in $(head -3 "$WORK/paths/one"); do
    check "$p" fund-officer "${valid[one]} and .id == \"${p##*/}\""
  done

  log "  warming up ($WARMUP s)"
  for e in $ENDPOINTS; do
    env BENCH_TOKEN_FILE="$WORK/tokens/${role[$e]}" BENCH_PATHS="$WORK/paths/$e" \
      wrk -t2 -c8 -d"$(( (WARMUP + 7) / 8 ))s" -s "$BENCH/lua/paths.lua" "$BASE" >/dev/null 2>&1
  done

  # every endpoint and pgbench -S in turn, REPEATS times, so that whatever else the machine does falls on all alike
  for REP in $(seq 1 "$REPEATS"); do
    for e in $ENDPOINTS pgbench; do
      for c in $CONNS; do
        if [ "$e" = pgbench ]; then
          pgbench_run "$size" "$c" select
        else
          check "$(head -1 "$WORK/paths/$e")" "${role[$e]}" "${valid[$e]}"
          wrk_run "$size" "$e" "$c" paths.lua BENCH_TOKEN_FILE="$WORK/tokens/${role[$e]}" BENCH_PATHS="$WORK/paths/$e"
        fi
      done
    done
  done

  log "  statements per request ($STATEMENT_SAMPLES requests each)"
  local n=$STATEMENT_SAMPLES
  mapfile -t some_ids < <(head -20 "$WORK/paths/one")
  statement_log on
  get_config fund-officer "$n" "${some_ids[@]}" >"$WORK/curl-one"; count_statements "$size" one "$n" "$WORK/curl-one"
  get_config fund-officer "$n" "/api/v1/applications?limit=10" >"$WORK/curl-c"; count_statements "$size" "list-first limit=10" "$n" "$WORK/curl-c"
  get_config fund-officer "$n" "/api/v1/applications?limit=200" >"$WORK/curl-c"; count_statements "$size" "list-first limit=200" "$n" "$WORK/curl-c"
  get_config fund-officer "$n" "$(head -1 "$WORK/paths/list-deep")" >"$WORK/curl-c"; count_statements "$size" "list-deep" "$n" "$WORK/curl-c"
  get_config applicant "$n" "/api/v1/applications?limit=10" >"$WORK/curl-c"; count_statements "$size" "list-office limit=10" "$n" "$WORK/curl-c"
  get_config applicant "$n" "/api/v1/applications?limit=200" >"$WORK/curl-c"; count_statements "$size" "list-office limit=200" "$n" "$WORK/curl-c"
  get_config fund-officer "$n" "/api/v1/fund" >"$WORK/curl-c"; count_statements "$size" fund "$n" "$WORK/curl-c"
  get_config auditor "$n" "/api/v1/audit-events?limit=10" >"$WORK/curl-c"; count_statements "$size" "audit-first limit=10" "$n" "$WORK/curl-c"
  get_config auditor "$n" "/api/v1/audit-events?limit=200" >"$WORK/curl-c"; count_statements "$size" "audit-first limit=200" "$n" "$WORK/curl-c"
  get_config auditor "$n" "$(head -1 "$WORK/paths/audit-deep")" >"$WORK/curl-c"; count_statements "$size" "audit-deep" "$n" "$WORK/curl-c"
  get_config fund-officer "$n" "/api/v1/tasks" >"$WORK/curl-c"; count_statements "$size" "tasks-officer" "$n" "$WORK/curl-c"
  get_config applicant "$n" "/api/v1/tasks" >"$WORK/curl-c"; count_statements "$size" "tasks-office" "$n" "$WORK/curl-c"
  statement_log off

  log "  submitting (each request a new application with its own Idempotency-Key; removed again afterwards)"
  remember_before_submissions
  local probe
  probe=$(api POST /api/v1/applications applicant "@$SAMPLE" -H "Idempotency-Key: bench-probe-$size") \
    || die "a submission failed"
  echo "$probe" | jq -e '.registrationNumber and .id' >/dev/null || die "a submission answered $probe"
  env BENCH_TOKEN_FILE="$WORK/tokens/applicant" BENCH_BODY_FILE="$SAMPLE" BENCH_TAG="$size-warm" \
    wrk -t2 -c8 -d"$(( (WARMUP + 7) / 8 ))s" -s "$BENCH/lua/submit.lua" "$BASE" >/dev/null 2>&1
  # each submission run is followed by pgbench's default script (TPC-B-like: five statements in a transaction that
  # updates three rows and inserts one) with the same connections: the writes' ratio. The registration counter's
  # lock-hold time of these runs: the service's histogram scraped before and after (lib/hold.py)
  curl -sf "$BASE/q/metrics" | grep '^socialfund_registration_lock_hold' >"$WORK/hold-$size-before.prom" || true
  for REP in $(seq 1 "$REPEATS"); do
    for c in $CONNS; do
      wrk_run "$size" submit "$c" submit.lua BENCH_TOKEN_FILE="$WORK/tokens/applicant" BENCH_BODY_FILE="$SAMPLE" \
        BENCH_TAG="$size-c$c-r$REP"
      pgbench_run "$size" "$c" tpcb
    done
  done
  curl -sf "$BASE/q/metrics" | grep '^socialfund_registration_lock_hold' >"$WORK/hold-$size-after.prom" || true
  statement_log on
  post_config "$n" "count-$size" >"$WORK/curl-c"; count_statements "$size" submit "$n" "$WORK/curl-c"
  statement_log off
  forget_submissions

  printf '%s\t%s\n' "$size" "$(awk '/^VmRSS/{print $2}' "/proc/$SERVICE_PID/status")" >>"$WORK/rss.tsv"
}

# ---- what each change bought: the same jar, each change switched off by its runtime setting, side by side --------
# Six services at once on their own ports (the one under test, four with one change undone, one with all four
# undone), warmed up alike and measured in turn within each round with pgbench -S, so that the machine's other work
# falls on all of them alike.
CHANGES="all no-read-cache no-response-cache no-token-cache validate-on-borrow none"
declare -A CHANGE_OPTS=([all]="" [no-read-cache]="-Dsocialfund.read-cache.max-entries=0"
  [no-response-cache]="-Dsocialfund.response-cache.max-bytes=0"
  [no-token-cache]="-Dsocialfund.token-cache.max-entries=0"
  [validate-on-borrow]="-Dquarkus.datasource.jdbc.validate-on-borrow=true"
  [none]="-Dsocialfund.read-cache.max-entries=0 -Dsocialfund.response-cache.max-bytes=0 -Dsocialfund.token-cache.max-entries=0 -Dquarkus.datasource.jdbc.validate-on-borrow=true")
measure_changes() {
  local size=$1 i=0 change port pid code
  declare -A ports pids
  # started at once (their starts are not measured here), then each awaited
  for change in $CHANGES; do
    port=$((HTTP_PORT + 1 + i)); i=$((i + 1)); ports[$change]=$port
    (cd "$APP_DIR" && exec env "${SERVICE_ENV[@]}" QUARKUS_HTTP_PORT="$port" java $JAVA_OPTS \
      @jvm.options ${CHANGE_OPTS[$change]} -jar quarkus-run.jar) >>"$WORK/service-changes.log" 2>&1 &
    pids[$change]=$!
    EXTRA_PIDS+=("${pids[$change]}")
  done
  for change in $CHANGES; do
    port=${ports[$change]}; pid=${pids[$change]}
    for _ in $(seq 1 9000); do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Authorization: Bearer $FO_TOKEN" \
        "http://127.0.0.1:$port/api/v1/applications?limit=1" || true)
      [ "$code" = 200 ] && break
      kill -0 "$pid" 2>/dev/null || { tail -40 "$WORK/service-changes.log"; die "the service ($change) stopped"; }
      sleep 0.02
    done
    [ "$code" = 200 ] || die "the service ($change) did not answer"
  done
  log "  what each change bought: warming up $CHANGES"
  for change in $CHANGES; do
    env BENCH_TOKEN_FILE="$WORK/tokens/fund-officer" BENCH_PATHS="$WORK/paths/one" \
      wrk -t2 -c8 -d"${CHANGES_WARMUP:-20}s" -s "$BENCH/lua/paths.lua" "http://127.0.0.1:${ports[$change]}" >/dev/null 2>&1
  done
  for REP in $(seq 1 "$REPEATS"); do
    for change in $CHANGES; do
      local out="$WORK/wrk/$size-change-$change-r$REP.txt" line
      env BENCH_TOKEN_FILE="$WORK/tokens/fund-officer" BENCH_PATHS="$WORK/paths/one" wrk -t2 -c"$RATIO_CONNS" \
        -d"${DURATION}s" --timeout 10s -s "$BENCH/lua/paths.lua" "http://127.0.0.1:${ports[$change]}" >"$out" 2>&1 \
        || die "wrk failed: $(cat "$out")"
      line=$(grep '^RESULT ' "$out") || die "no result from wrk: $(cat "$out")"
      eval "local $(echo "${line#RESULT }")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$change" "$rps" "$p50_us" "$p99_us" "$non2xx" "$REP" \
        >>"$WORK/changes.tsv"
      log "  [$REP] GET one, $change: $rps req/s, non-2xx $non2xx"
    done
    pgbench_run "$size" "$RATIO_CONNS" select changes-pgbench.tsv
  done
  stop_extra
}

FIRST_SIZE=${SIZES%% *}
for size in $SIZES; do
  stop_service
  log "growing the data set to $size applications"
  grow_to "$size"
  log "measuring at $size applications"
  start_service "$size"
  measure_size "$size"
  if [ "$size" = "$FIRST_SIZE" ] && [ "${BENCH_CHANGES:-1}" = 1 ]; then
    measure_changes "$size"
  fi
  # two more restarts at this size: its restart line is the median of three, like the local default's
  for _ in 1 2; do
    stop_service
    start_service "$size"
  done
done
stop_service

# ---- start: the measures taken, and what else would shorten it (the same jar; JVM options only) --------------------
log "start: against this PostgreSQL with the JVM's defaults, the archive alone, C1 only, JDK 25 and its AOT cache"
START_OPTS="" start_service no-appcds
stop_service
START_OPTS=-XX:SharedArchiveFile=app-cds.jsa start_service archive-only
stop_service
start_service appcds-c1 "-XX:TieredStopAtLevel=1"
stop_service
if [ -x "$JDK25/bin/java" ]; then
  # JDK 25's ahead-of-time cache (JEP 483/514): one training run records it at exit, the next start uses it
  START_OPTS="" START_JAVA="$JDK25/bin/java" start_service jdk25
  stop_service
  START_OPTS="" START_JAVA="$JDK25/bin/java" start_service jdk25-aot-training "-XX:AOTCacheOutput=$WORK/service.aot"
  for _ in 1 2 3; do check "$(head -1 "$WORK/paths/one")" fund-officer '.id'; check /api/v1/fund fund-officer '.capital'; done
  stop_service
  if [ -f "$WORK/service.aot" ]; then
    START_OPTS="" START_JAVA="$JDK25/bin/java" start_service jdk25-aot "-XX:AOTCache=$WORK/service.aot"
    stop_service
  else
    log "  JDK 25 wrote no AOT cache; see service.log"
  fi
fi

# the local default: the embedded PostgreSQL inside the service, first start on an empty data directory (its signing
# key made just before by the token command, which the poller needs) and restarts; then the two start changes undone
# the machine is shared: the first free port from LOCAL_DB_PORT on
while ss -Htln "sport = :$LOCAL_DB_PORT" | grep -q .; do LOCAL_DB_PORT=$((LOCAL_DB_PORT + 1)); done
LOCAL_ENV=(SOCIALFUND_DATA_DIR="$WORK/local" QUARKUS_HTTP_PORT="$HTTP_PORT" SOCIALFUND_DB_PORT="$LOCAL_DB_PORT")
log "start: the local default (embedded PostgreSQL on 127.0.0.1:$LOCAL_DB_PORT, data in $WORK/local)"
LOCAL_TOKEN=$(env "${LOCAL_ENV[@]}" java -jar "$JAR" token fund-officer kommunstyrelsens-kontor --hours 2 | tail -1)
START_ENV=LOCAL_ENV START_TOKEN=$LOCAL_TOKEN start_service local-first
stop_service
for i in 1 2 3; do
  START_ENV=LOCAL_ENV START_TOKEN=$LOCAL_TOKEN start_service local-restart
  stop_service
done
START_ENV=LOCAL_ENV START_TOKEN=$LOCAL_TOKEN start_service local-restart-sequential "-Dsocialfund.db.start-before-boot=true"
stop_service
START_OPTS="" START_ENV=LOCAL_ENV START_TOKEN=$LOCAL_TOKEN start_service local-restart-no-appcds
stop_service
START_OPTS="" START_ENV=LOCAL_ENV START_TOKEN=$LOCAL_TOKEN start_service local-restart-neither \
  "-Dsocialfund.db.start-before-boot=true"
stop_service

# ---- the chain is intact: the loaded audit events carry real hashes ----------------------------------------------------
# (checked by the service itself at the smallest size would be cheaper; at the end it covers every row, so it runs
# only when asked: BENCH_VERIFY_CHAIN=1)
if [ "${BENCH_VERIFY_CHAIN:-0}" = 1 ]; then
  start_service verify-chain
  curl -s --max-time 1800 -H "Authorization: Bearer $(tok auditor)" "$BASE/api/v1/audit-events/verification" \
    >"$WORK/verification.json"
  stop_service
fi

# ---- the report -------------------------------------------------------------------------------------------------------
echo "$(( $(date +%s) - RUN_STARTED ))" >"$WORK/run-seconds"
kill "$LOAD_SAMPLER" 2>/dev/null || true
write_report
log "written to $RESULTS after $(( ($(date +%s) - RUN_STARTED) / 60 )) min"
