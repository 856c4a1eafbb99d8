#!/usr/bin/env bash
# bench/documents-heap.sh: the service's heap while 50 clients upload a 20 MiB PDF each, all at once (issue 13).
#
# Starts the packaged service on its local default (its own embedded PostgreSQL, data under bench/work-documents),
# samples the heap in use with jstat every 100 ms, and runs two phases against one application:
#   1. usual traffic: 50 concurrent uploads of 100 KiB PDFs and 200 reads of the application and its documents;
#   2. 50 concurrent uploads of distinct 20 MiB PDFs (1000 MiB in all).
# It prints the peak heap in use of each phase and their difference; the issue asks that the second stay under the
# first plus 100 MiB. Usage: bench/documents-heap.sh   (env: XMX=512m N=50 SIZE_MIB=20 PORT=18091 DB_PORT=55431)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/work-documents
JAR=$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar
XMX=${XMX:-512m}
N=${N:-50}
SIZE_MIB=${SIZE_MIB:-20}
PORT=${PORT:-18091}
DB_PORT=${DB_PORT:-55431}
BASE=http://127.0.0.1:$PORT
log() { printf '[documents-heap %s] %s\n' "$(date -u +%T)" "$*" >&2; }

[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
rm -rf "$WORK"
mkdir -p "$WORK/files"
export SOCIALFUND_DATA_DIR=$WORK/data SOCIALFUND_DB_PORT=$DB_PORT QUARKUS_HTTP_PORT=$PORT
java -Xmx"$XMX" -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE=$!
SAMPLER=
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  kill "$SERVICE" 2>/dev/null || true
  wait "$SERVICE" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 240); do
  curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "$BASE/q/health/ready" >/dev/null || { log "the service did not start"; tail -30 "$WORK/service.log"; exit 1; }
log "service ready (pid $SERVICE, -Xmx$XMX)"

FO=$(java -jar "$JAR" token fund-officer kommunstyrelsens-kontor)
AP=$(java -jar "$JAR" token applicant utbildningskontoret)
YEAR=$(date +%Y)
curl -s -o /dev/null -H "Authorization: Bearer $FO" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench $YEAR\",\"opensOn\":\"$(date +%F)\",\"closesOn\":\"$YEAR-12-31\"}" "$BASE/api/v1/application-periods"
APP=$(curl -s -H "Authorization: Bearer $AP" -H 'Content-Type: application/json' -H "Idempotency-Key: bench-$(date +%s%N)" \
  --data-binary @"$ROOT/bootstrap/src/test/resources/sample-application.json" "$BASE/api/v1/applications" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
log "application $APP"
echo '{"type":"FOLLOW_UP","title":"Bilaga","origin":"RECEIVED"}' >"$WORK/meta.json"

# distinct PDFs (a header, pseudo-random bytes, a trailer): content-addressed storage must store each
python3 - "$WORK/files" "$N" "$SIZE_MIB" <<'PY'
import os, sys
d, n, mib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
block = os.urandom(1 << 20)
for i in range(n):
    for name, size in ((f"small-{i}.pdf", 100 * 1024), (f"big-{i}.pdf", mib << 20)):
        with open(os.path.join(d, name), "wb") as f:
            head = b"%PDF-1.7\n%" + str(i).encode() + b"\n"
            f.write(head)
            left = size - len(head) - 6
            while left > 0:
                f.write(block[: min(left, len(block))])
                left -= min(left, len(block))
            f.write(b"%%EOF\n")
PY

upload() { # $1 file -> HTTP status
  curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $AP" \
    -F "metadata=<$WORK/meta.json;type=application/json" -F "file=@$1;type=application/pdf" \
    "$BASE/api/v1/applications/$APP/documents"
}
export -f upload
export AP BASE APP WORK

jstat -gc -t "$SERVICE" 100 >"$WORK/jstat.txt" &
SAMPLER=$!
sleep 2
mark() { awk 'NR>1 {t=$1} END {print t}' "$WORK/jstat.txt"; }

P1_START=$(mark)
started=$(date +%s.%N)
{
  seq 0 $((N - 1)) | xargs -P "$N" -I{} bash -c 'upload "$WORK/files/small-{}.pdf"' >"$WORK/phase1.status"
  seq 1 200 | xargs -P 16 -I{} curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $AP" \
    "$BASE/api/v1/applications/$APP/documents?limit=50" >>"$WORK/phase1.status"
}
sleep 2
P1_END=$(mark)
log "phase 1 (usual traffic) in $(echo "$(date +%s.%N) - $started" | bc) s: $(sort "$WORK/phase1.status" | uniq -c | tr '\n' ' ')"

P2_START=$(mark)
started=$(date +%s.%N)
seq 0 $((N - 1)) | xargs -P "$N" -I{} bash -c 'upload "$WORK/files/big-{}.pdf"' >"$WORK/phase2.status"
P2_SECONDS=$(echo "$(date +%s.%N) - $started" | bc)
sleep 2
P2_END=$(mark)
log "phase 2 ($N x $SIZE_MIB MiB) in $P2_SECONDS s: $(sort "$WORK/phase2.status" | uniq -c | tr '\n' ' ')"
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=

# heap in use = S0U + S1U + EU + OU (KB), per sample; the peak of each phase
python3 - "$WORK/jstat.txt" "$P1_START" "$P1_END" "$P2_START" "$P2_END" "$N" "$SIZE_MIB" "$XMX" "$P2_SECONDS" <<'PY'
import sys
path, a1, b1, a2, b2 = sys.argv[1], *map(float, sys.argv[2:6])
n, mib, xmx, seconds = sys.argv[6], sys.argv[7], sys.argv[8], float(sys.argv[9])
rows = [l.split() for l in open(path) if l.strip() and not l.lstrip().startswith("Timestamp")]
head = open(path).readline().split()
idx = {k: head.index(k) for k in ("S0U", "S1U", "EU", "OU")}
def used(r): return sum(float(r[idx[k]].replace(",", ".")) for k in idx) / 1024
def old(r): return float(r[idx["OU"]].replace(",", ".")) / 1024
def peak(a, b, f):
    vals = [f(r) for r in rows if a <= float(r[0].replace(",", ".")) <= b]
    return max(vals), len(vals)
p1, s1 = peak(a1, b1, used)
p2, s2 = peak(a2, b2, used)
o1, _ = peak(a1, b1, old)
o2, _ = peak(a2, b2, old)
print(f"heap in use, peak: usual traffic {p1:.0f} MiB ({s1} samples); {n} concurrent uploads of {mib} MiB "
      f"{p2:.0f} MiB ({s2} samples, {seconds:.1f} s); difference {p2 - p1:+.0f} MiB (-Xmx{xmx})")
print(f"old generation (what survives collections), peak: usual traffic {o1:.0f} MiB; uploads {o2:.0f} MiB; "
      f"difference {o2 - o1:+.0f} MiB")
PY
