#!/usr/bin/env bash
# A quick check of the read path, in minutes rather than bench/run.sh's hour: the packaged service on its local
# default (embedded PostgreSQL in bench/work/read-path), one application walked to "followed up", then in
# turn, ROUNDS times: wrk against api-info (the HTTP stack's floor), GET one application, a page of the list, and
# pgbench -S against the same PostgreSQL, all at CONNS connections for SECONDS each. Prints the medians, the ratios
# to pgbench -S, the CPU each request cost the service and PostgreSQL (from /proc: where a request's time goes, and
# what is left of the goal's budget), and the statements the server ran for one GET (from its statement log).
# Figures, not a test.
# The webhook dispatcher's poll is set to an hour (its statements would blur the count).
# Env: APP_DIR (the package to measure), ROUNDS (3), SECONDS_EACH (5), CONNS (8), WARMUP (60 s), HTTP_PORT (18089), DB_PORT (54349).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
WORK=$BENCH/work/read-path
ROUNDS=${ROUNDS:-3} SECS=${SECONDS_EACH:-5} CONNS=${CONNS:-8} WARMUP=${WARMUP:-60}
HTTP_PORT=${HTTP_PORT:-18089} DB_PORT=${DB_PORT:-54349}
BASE=http://127.0.0.1:$HTTP_PORT
APP=${APP_DIR:-$ROOT/bootstrap/target/quarkus-app}
[ -f "$APP/quarkus-run.jar" ] && [ -f "$APP/jvm.options" ] || { echo "package the service first: ./mvnw -B -o package -DskipTests" >&2; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK/tokens"
export SOCIALFUND_DATA_DIR=$WORK/data SOCIALFUND_DB_PORT=$DB_PORT QUARKUS_HTTP_PORT=$HTTP_PORT
# the webhook dispatcher polls once a second; an hour here keeps its statements out of the statement count
export SOCIALFUND_WEBHOOKS_POLL_INTERVAL=PT1H
svc=
cleanup() { [ -n "$svc" ] && kill "$svc" 2>/dev/null && wait "$svc" 2>/dev/null; true; }
trap cleanup EXIT INT TERM
start_service() {
  ( cd "$APP" && exec java -Xmx512m @jvm.options -jar quarkus-run.jar ) >>"$WORK/service.log" 2>&1 &
  svc=$!
  for _ in $(seq 1 240); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 0.5; done
  curl -sf "$BASE/q/health/ready" >/dev/null || { echo "the service did not start; see $WORK/service.log" >&2; exit 1; }
}
start_service
for t in "fund-officer kommunstyrelsens-kontor" "applicant utbildningskontoret" "office-head utbildningskontoret" \
         "scientific-advisor" "auditor"; do
  set -- $t
  (cd "$APP" && java -jar quarkus-run.jar token "$1" ${2:-} --hours 2) >"$WORK/tokens/$1"
done
SAMPLE=$ROOT/bootstrap/src/test/resources/sample-application.json
source "$BENCH/lib/templates.sh"
api POST /api/v1/fund/capital-markings fund-officer \
  "{\"amount\":$(money 40000000.00),\"closingYear\":$((YEAR-1)),\"reference\":\"KF bokslut $((YEAR-1)), read path\"}" >/dev/null
api POST /api/v1/application-periods fund-officer "{\"name\":\"Läsperiod $YEAR\",\"opensOn\":\"$TODAY\",\"closesOn\":\"$YEAR-12-31\"}" >/dev/null
ID=$(api POST /api/v1/applications applicant "$(cat "$SAMPLE")" -H "Idempotency-Key: read-path-$$" | jq -r .id)
for s in assess perspective review grant start followup; do do_step "$ID" "$s"; done
echo "application $ID: $(api GET "/api/v1/applications/$ID" applicant | jq -r .stage)"

PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -qtA)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE pgbench" >/dev/null
pgbench -q -i -s 10 -h 127.0.0.1 -p "$DB_PORT" -U postgres pgbench >/dev/null 2>&1

# round trips: the server's statement log (its logging collector, on after a restart) for ten GETs of one application
"${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET logging_collector = on" -c "ALTER SYSTEM SET log_directory = 'log'" >/dev/null
kill "$svc"; wait "$svc" 2>/dev/null || true
start_service
count_statements() { cat "$SOCIALFUND_DATA_DIR"/postgres/log/* 2>/dev/null | grep -cE 'LOG: +(statement|execute [^ ]*):' || true; }
api GET "/api/v1/applications/$ID" applicant >/dev/null
"${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1; before=$(count_statements)
for _ in $(seq 1 10); do api GET "/api/v1/applications/$ID" applicant >/dev/null; done
sleep 1; after=$(count_statements)
echo "statements the server ran for 10 GETs of one application: $((after - before))"
before=$after
for i in $(seq 1 10); do
  api POST /api/v1/applications applicant "$(cat "$SAMPLE")" -H "Idempotency-Key: read-path-count-$$-$i" >/dev/null
done
sleep 1; after=$(count_statements)
echo "statements the server ran for 10 submissions: $((after - before)) (the last one's: $WORK/submission.log)"
cat "$SOCIALFUND_DATA_DIR"/postgres/log/* | grep -E 'LOG: +(statement|execute [^ ]*):' | tail -n "$(((after - before) / 10))" \
  | sed -E 's/^.*LOG: +//' | cut -c1-160 >"$WORK/submission.log"
"${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET log_statement = 'none'" -c "SELECT pg_reload_conf()" >/dev/null

cat >"$WORK/auth.lua" <<EOF
wrk.headers["Authorization"] = "Bearer $(tok applicant)"
EOF
declare -A rate cpu
# CPU ticks (1/CLK_TCK s) of the service's JVM, and of PostgreSQL: the postmaster, its live children (the pool's
# backends) and the children it has reaped (pgbench's backends, which end with the run)
TICK=$(getconf CLK_TCK)
jvm_ticks() { awk '{print $14 + $15}' "/proc/$svc/stat"; }
pg_ticks() {
  local pm t c
  pm=$(head -1 "$SOCIALFUND_DATA_DIR/postgres/postmaster.pid")
  t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
# prints the rate, then the service's and PostgreSQL's CPU microseconds per request (or transaction)
measured() {
  local j0 p0 r
  j0=$(jvm_ticks); p0=$(pg_ticks)
  r=$("$@")
  # a failed or empty run stops the script (set -e does not reach into a command substitution)
  [[ $r =~ ^[0-9]+(\.[0-9]+)?$ ]] && [ "$(echo "$r > 0" | bc)" = 1 ] || { echo "no rate from: $*" >&2; return 1; }
  echo "$r $(echo "($(jvm_ticks) - $j0) * 1000000 / $TICK / ($r * $SECS)" | bc) $(echo "($(pg_ticks) - $p0) * 1000000 / $TICK / ($r * $SECS)" | bc)"
}
run_wrk() { wrk -t2 -c"$CONNS" -d"${SECS}s" -s "$WORK/auth.lua" "$BASE$1" | awk '/Requests\/sec/{print $2}'; }
run_pgbench() { pgbench -S -n -c "$CONNS" -j2 -T "$SECS" -h 127.0.0.1 -p "$DB_PORT" -U postgres pgbench 2>/dev/null \
  | awk '/^tps/{print $3}'; }
wrk -t2 -c"$CONNS" -d"${WARMUP}s" -s "$WORK/auth.lua" "$BASE/api/v1/applications/$ID" >/dev/null
for r in $(seq 1 "$ROUNDS"); do
  for k in info one page pg; do
    case $k in
      info) m=$(measured run_wrk /api/v1/api-info) ;;
      one) m=$(measured run_wrk "/api/v1/applications/$ID") ;;
      page) m=$(measured run_wrk "/api/v1/applications?limit=20") ;;
      pg) m=$(measured run_pgbench) ;;
    esac
    read -r "rate[$k.$r]" "cpu[$k.jvm.$r]" "cpu[$k.pg.$r]" <<<"$m"
  done
  echo "round $r: api-info ${rate[info.$r]}, GET one ${rate[one.$r]}, list page ${rate[page.$r]}, pgbench -S ${rate[pg.$r]}"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
vals() { for r in $(seq 1 "$ROUNDS"); do echo "${rate[$1.$r]}"; done; }
cpus() { for r in $(seq 1 "$ROUNDS"); do echo "${cpu[$1.$r]}"; done; }
pg=$(median $(vals pg))
for k in info one page; do
  m=$(median $(vals $k))
  printf '%-10s median %9.0f req/s   ÷ pgbench -S %.2f   CPU per request: service %4d µs, PostgreSQL %4d µs\n' "$k" "$m" \
    "$(echo "$m / $pg" | bc -l)" "$(median $(cpus $k.jvm))" "$(median $(cpus $k.pg))"
done
printf 'pgbench -S: PostgreSQL %d µs of CPU per transaction (medians of the rounds; the machine'"'"'s other work is not counted)\n' \
  "$(median $(cpus pg.pg))"
printf 'pgbench -S median %.0f tps (%s connections, %s s each, %s rounds, load %s)\n' "$pg" "$CONNS" "$SECS" "$ROUNDS" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
