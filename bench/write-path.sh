#!/usr/bin/env bash
# A quick check of the write path (minutes; bench/run.sh measures it too, at every size): the packaged service on its
# local default (embedded PostgreSQL in bench/work/write-path), then
#   - the statements one submission runs (the server's statement log, exact), those from the registration counter's
#     increment to COMMIT among them, and the last submission's list in $WORK/submission.log;
#   - ROUNDS times in turn: wrk POSTing submissions (a new Idempotency-Key each) at CONNS connections for SECONDS, and
#     pgbench's default script (TPC-B-like) against the same PostgreSQL at CONNS clients for SECONDS;
#   - the registration counter's lock-hold time during those rounds (the service's timer
#     socialfund.registration.lock.hold, from the increment's answer to the end of the commit; its histogram's
#     buckets before and after the rounds): median, p90, mean, and the rate it bounds (one submission after another).
# Prints the medians of the rounds, submissions ÷ TPC-B tps, and submissions ÷ the bound. Figures, not a test.
# Env: APP_DIR (the package to measure), ROUNDS (3), SECONDS_EACH (5), CONNS (8), WARMUP (20 s), HTTP_PORT (18088),
#      DB_PORT (54348). A package without the timer (before 2026-11-29) gets its rates and statements, no hold time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
WORK=$BENCH/work/write-path
ROUNDS=${ROUNDS:-3} SECS=${SECONDS_EACH:-5} CONNS=${CONNS:-8} WARMUP=${WARMUP:-20}
HTTP_PORT=${HTTP_PORT:-18088} DB_PORT=${DB_PORT:-54348}
BASE=http://127.0.0.1:$HTTP_PORT
APP=${APP_DIR:-$ROOT/bootstrap/target/quarkus-app}
[ -f "$APP/quarkus-run.jar" ] && [ -f "$APP/jvm.options" ] || { echo "package the service first: ./mvnw -B -o package -DskipTests" >&2; exit 1; }
for c in java curl jq psql pgbench wrk python3; do command -v $c >/dev/null || { echo "needs $c" >&2; exit 1; }; done
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
for t in "fund-officer kommunstyrelsens-kontor" "applicant utbildningskontoret"; do
  set -- $t
  (cd "$APP" && java -jar quarkus-run.jar token "$1" ${2:-} --hours 2) >"$WORK/tokens/$1"
done
SAMPLE=$ROOT/bootstrap/src/test/resources/sample-application.json
source "$BENCH/lib/templates.sh"
api POST /api/v1/application-periods fund-officer "{\"name\":\"Skrivperiod $YEAR\",\"opensOn\":\"$TODAY\",\"closesOn\":\"$YEAR-12-31\"}" >/dev/null
api POST /api/v1/applications applicant "$(cat "$SAMPLE")" -H "Idempotency-Key: write-path-$$" | jq -e .registrationNumber >/dev/null

PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -qtA)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE pgbench" >/dev/null
pgbench -q -i -s 10 -h 127.0.0.1 -p "$DB_PORT" -U postgres pgbench >/dev/null 2>&1

# statements: the server's statement log (its logging collector, on after a restart) for ten submissions
"${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET logging_collector = on" -c "ALTER SYSTEM SET log_directory = 'log'" >/dev/null
kill "$svc"; wait "$svc" 2>/dev/null || true
start_service
statements() { cat "$SOCIALFUND_DATA_DIR"/postgres/log/* 2>/dev/null | grep -E 'LOG: +(statement|execute [^ ]*):' || true; }
api POST /api/v1/applications applicant "$(cat "$SAMPLE")" -H "Idempotency-Key: write-path-first-$$" >/dev/null
"${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1; before=$(statements | wc -l)
for i in $(seq 1 10); do
  api POST /api/v1/applications applicant "$(cat "$SAMPLE")" -H "Idempotency-Key: write-path-count-$$-$i" >/dev/null
done
sleep 1; after=$(statements | wc -l)
per=$(((after - before) / 10))
# the list: each statement on one line (a statement's further lines joined to it), the last submission's
cat "$SOCIALFUND_DATA_DIR"/postgres/log/* | awk '/LOG: +(statement|execute [^ ]*):/{if (l != "") print l; l = $0; next}
  /^\t/{if (l != "") l = l " " $0; next} {if (l != "") print l; l = ""} END{if (l != "") print l}' \
  | sed -n "$((before + 1)),${after}p" | tail -n "$per" | sed -E 's/^.*LOG: +//; s/[[:space:]]+/ /g' | cut -c1-160 \
  >"$WORK/submission.log"
"${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET log_statement = 'none'" -c "SELECT pg_reload_conf()" >/dev/null
serial=$(awk 'on{n++} /registration_counter/{on=1} END{print n+0}' "$WORK/submission.log")
echo "statements per submission: $per (10 submissions: $((after - before))); after the registration counter's" \
  "increment, to COMMIT included (its lock held): $serial (the list: $WORK/submission.log)"

# rates: submissions and TPC-B-like in turn; the lock-hold histogram around the rounds
hold_buckets() { curl -sf "$BASE/q/metrics" | grep -E '^socialfund_registration_lock_hold_seconds_(bucket|count|sum)' || true; }
run_submit() { # prints submissions/s; any non-2xx or socket error stops the bench (wrk waits up to 30 s an answer)
  local out
  out=$(BENCH_TOKEN_FILE="$WORK/tokens/applicant" BENCH_BODY_FILE="$SAMPLE" BENCH_TAG="$1-$$" \
    wrk -t2 -c"$CONNS" -d"${2}s" --timeout 30s -s "$BENCH/lua/submit.lua" "$BASE" | grep '^RESULT')
  echo "$out" | grep -q ' non2xx=0 connect=0 read=0 write=0 timeout=0' \
    || { echo "submissions failed: $out (see $WORK/service.log)" >&2; exit 1; }
  echo "$out" | sed -E 's/.* rps=([0-9.]+) .*/\1/'
}
run_tpcb() { pgbench -n -c "$CONNS" -j2 -T "$SECS" -h 127.0.0.1 -p "$DB_PORT" -U postgres pgbench 2>/dev/null \
  | awk '/^tps/{print $3}'; }
run_submit warmup "$WARMUP" >/dev/null
hold_buckets >"$WORK/hold-before.txt"
declare -A rate
for r in $(seq 1 "$ROUNDS"); do
  rate[submit.$r]=$(run_submit "round$r" "$SECS")
  rate[tpcb.$r]=$(run_tpcb)
  echo "round $r: submissions ${rate[submit.$r]}/s, pgbench TPC-B-like ${rate[tpcb.$r]} tps"
done
hold_buckets >"$WORK/hold-after.txt"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
vals() { for r in $(seq 1 "$ROUNDS"); do echo "${rate[$1.$r]}"; done; }
sub=$(median $(vals submit)) tpcb=$(median $(vals tpcb))
printf 'submissions median %.1f/s, pgbench TPC-B-like median %.0f tps: ratio %.4f (%s connections, %s s each, %s rounds)\n' \
  "$sub" "$tpcb" "$(echo "$sub / $tpcb" | bc -l)" "$CONNS" "$SECS" "$ROUNDS"
python3 "$BENCH/lib/hold.py" "$WORK/hold-before.txt" "$WORK/hold-after.txt" "$sub"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
