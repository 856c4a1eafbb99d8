"""Writes the results file (markdown, to stdout) from the figures a run of bench/run.sh left in its work directory."""
import os
import statistics
import sys
from collections import defaultdict

work = sys.argv[1]
conns = [int(c) for c in os.environ["BENCH_CONNS"].split()]
ratio_conns = int(os.environ["BENCH_RATIO_CONNS"])
sizes = [int(s) for s in os.environ["BENCH_SIZES"].split()]
duration = os.environ["BENCH_DURATION"]
java_opts = os.environ["BENCH_JAVA_OPTS"]
scale = os.environ["BENCH_PGBENCH_SCALE"]
samples = os.environ["BENCH_STATEMENT_SAMPLES"]


def rows(name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def read(name, default=""):
    path = os.path.join(work, name)
    return open(path, encoding="utf-8").read().strip() if os.path.exists(path) else default


def human(n):
    n = int(n)
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return f"{n:,}"


def ms(us):
    return f"{int(us) / 1000:.2f}"


NAMES = {
    "api-info": "GET api-info (no token, no database: the HTTP stack alone, for reference)",
    "one": "GET one application (fund officer; 1,000 random ids)",
    "list-first": "GET list, first page (fund officer: all offices; limit 50)",
    "list-deep": "GET list, deep page (cursor at the middle; limit 50)",
    "list-office": "GET list, own office, first page (applicant; limit 50)",
    "fund": "GET fund view",
    "audit-first": "GET audit events, first page (auditor; limit 50)",
    "audit-deep": "GET audit events, deep page (cursor at the middle; limit 50)",
    "submit": "POST an application (applicant; new Idempotency-Key each)",
}

runs = defaultdict(list)
for size, endpoint, c, rps, p50, p99, non2xx, errors, requests, rep in rows("results.tsv"):
    runs[(int(size), endpoint, int(c))].append(dict(rps=float(rps), p50=int(p50), p99=int(p99), non2xx=int(non2xx),
                                                    errors=int(errors), requests=int(requests)))
# the median of the repeated runs for each figure; errors and requests summed over them
results = {k: dict(rps=statistics.median(r["rps"] for r in v), p50=statistics.median(r["p50"] for r in v),
                   p99=statistics.median(r["p99"] for r in v), non2xx=sum(r["non2xx"] for r in v),
                   errors=sum(r["errors"] for r in v), requests=sum(r["requests"] for r in v), runs=len(v))
           for k, v in runs.items()}
pg_runs = defaultdict(list)
for s_, c, tps, lat, rep in rows("pgbench.tsv"):
    pg_runs[(int(s_), int(c))].append((float(tps), float(lat)))
pgbench = {k: (statistics.median(t for t, _ in v), f"{statistics.median(l for _, l in v):.3f}") for k, v in pg_runs.items()}
starts = rows("starts.tsv")
rss_after = {int(s): int(kb) for s, kb in rows("rss.tsv")}
statements = rows("statements.tsv")
counts = {int(r[0]): r[1:] for r in rows("counts.tsv")}
loads = {int(r[0]): r[1:] for r in rows("loads.tsv")}
measured = [s for s in sizes if any(k[0] == s for k in results)]
small, large = (measured[0], measured[-1]) if measured else (None, None)
run_minutes = int(read("run-seconds", "0")) // 60

out = []
p = out.append


def ratio(size, c=ratio_conns):
    one = results.get((size, "one", c))
    pg = pgbench.get((size, c))
    return one["rps"] / pg[0] if one and pg and pg[0] else None


def growth(endpoint, c=ratio_conns):
    a, b = results.get((small, endpoint, c)), results.get((large, endpoint, c))
    return b["p99"] / a["p99"] if a and b and a["p99"] else None


p(f"# Benchmark results, {os.environ.get('BENCH_RESULTS_DATE', '')}".rstrip(", "))
p("")
p(f"Written by `bench/run.sh` from one run on one machine ({run_minutes} min in all, build included). Every figure "
  "below comes from that run; the service and PostgreSQL shared the machine's two cores with wrk and pgbench, "
  "so compare figures within this file, not with other machines.")
p("")
r = ratio(large) if large else None
p("```")
p(f"GET one application / pgbench -S ratio: {r:.2f}" if r is not None else "GET one application / pgbench -S ratio: n/a")
p("```")
p(f"(at {human(large)} applications, {ratio_conns} connections each: wrk against the service, pgbench -S against "
  "the same PostgreSQL.)")
p("")

# ---- goals ----
p("## Goals")
p("")
p("| goal | measured | met? |")
p("| --- | --- | --- |")
if r is not None:
    p(f"| GET one application at least 0.35 of pgbench -S | {r:.2f} (at {human(large)}, {ratio_conns} connections) "
      f"| {'yes' if r >= 0.35 else '**no**'} |")
for endpoint in ("list-first", "list-deep", "list-office", "audit-first", "audit-deep"):
    g = growth(endpoint)
    if g is not None:
        a, b = results[(small, endpoint, ratio_conns)], results[(large, endpoint, ratio_conns)]
        p(f"| {NAMES[endpoint].split(' (')[0]}: p99 at {human(large)} at most 1.5 × p99 at {human(small)} "
          f"| {ms(b['p99'])} ms / {ms(a['p99'])} ms = {g:.2f} ({ratio_conns} connections) "
          f"| {'yes' if g <= 1.5 else '**no**'} |")
EXPERIMENTS = ("verify-chain", "appcds-dump", "appcds", "appcds-c1")
restarts = [int(s[1]) for s in starts if s[0] not in ("cold",) + EXPERIMENTS]
cold = [int(s[1]) for s in starts if s[0] == "cold"]
if starts:
    worst = max(int(s[1]) for s in starts if s[0] not in EXPERIMENTS)
    p(f"| under 3 s from process start to the first authorised 200 | cold start {cold[0] if cold else '-'} ms "
      f"(empty database, migrations); restarts {', '.join(str(x) for x in restarts)} ms "
      f"(median {int(statistics.median(restarts)) if restarts else '-'} ms) | {'yes' if worst < 3000 else '**no**'} |")
    rss_first = [int(s[3]) for s in starts if s[0] not in EXPERIMENTS]
    p(f"| under 300 MB resident after the first request | {max(rss_first) / 1024:.0f} MB at most "
      f"({', '.join(f'{x / 1024:.0f}' for x in rss_first)} MB) | {'yes' if max(rss_first) < 300 * 1024 else '**no**'} |")
per = defaultdict(dict)      # pg_stat_statements
per_log = defaultdict(dict)  # the server's statement log
db_time = defaultdict(dict)  # ms of database execution per request (pg_stat_statements)
for size, label, n, total, logged, db_ms, breakdown in statements:
    per[int(size)][label] = float(total) / float(n)
    per_log[int(size)][label] = float(logged) / float(n)
    db_time[int(size)][label] = float(db_ms)
const = []
for base in ("list-first", "list-office", "audit-first"):
    for s in per:
        for table in (per, per_log):
            a, b = table[s].get(f"{base} limit=10"), table[s].get(f"{base} limit=200")
            if a is not None and b is not None:
                const.append((base, s, a, b))
if const:
    ok = all(abs(a - b) < 0.005 for _, _, a, b in const)
    detail = "; ".join(f"{base}: {per_log[large][base + ' limit=10']:.2f} at limit=10, "
                       f"{per_log[large][base + ' limit=200']:.2f} at limit=200"
                       for base in ("list-first", "list-office", "audit-first") if base + " limit=10" in per_log[large])
    p(f"| statements per request constant whatever the page size | {detail} (server log, at {human(large)}; every size "
      f"and both ways of counting in the table below) | {'yes' if ok else '**no**'} |")
p("")
bad = [(k, v) for k, v in results.items() if v["non2xx"] or v["errors"]]
if bad:
    p("**Non-2xx responses or socket errors were counted** in these runs (they are in the tables):")
    for (s, e, c), v in sorted(bad):
        p(f"- {human(s)} {e} c={c}: {v['non2xx']} non-2xx, {v['errors']} socket errors of {v['requests']}")
else:
    p(f"Every wrk run counted 0 non-2xx responses and 0 socket errors ({sum(v['requests'] for v in results.values()):,} "
      "requests in all); before each run one request of it was checked with curl and jq (status 200, a valid body).")
p("")

# ---- ratio per size ----
p("## The service against PostgreSQL's own limit")
p("")
p(f"pgbench -S (select-only, scale {scale}, simple protocol, over TCP loopback like the service) in the same "
  f"PostgreSQL, taken in turn with the wrk runs of each size, {duration} s per run with the same connection counts; "
  "medians of the repeated runs.")
p("")
p("| applications | connections | pgbench -S tps | pgbench latency avg (ms) | GET one application req/s | ratio |")
p("| ---: | ---: | ---: | ---: | ---: | ---: |")
for s in measured:
    for c in conns:
        pg = pgbench.get((s, c))
        one = results.get((s, "one", c))
        if pg and one:
            p(f"| {human(s)} | {c} | {pg[0]:,.0f} | {pg[1]} | {one['rps']:,.0f} | {one['rps'] / pg[0]:.2f} |")
p("")

# ---- per endpoint ----
p("## Requests per second and latency, per endpoint and data size")
p("")
repeats = max((v["runs"] for v in results.values()), default=1)
p(f"wrk, {duration} s per run, 2 threads (1 for 1 connection), after a warm-up of the JIT at each start. Each "
  f"figure is the median of {repeats} runs, taken in turn with every other endpoint and pgbench (so that the "
  "machine's other work falls on all alike). Latency in ms.")
p("")
for endpoint in NAMES:
    if not any(k[1] == endpoint for k in results):
        continue
    p(f"### {NAMES[endpoint]}")
    p("")
    p("| applications | " + " | ".join(f"c={c} req/s | c={c} p50 | c={c} p99" for c in conns) + " | non-2xx |")
    p("| ---: | " + " | ".join("---: | ---: | ---:" for _ in conns) + " | ---: |")
    for s in measured:
        cells = []
        non2xx = 0
        for c in conns:
            v = results.get((s, endpoint, c))
            if v:
                cells.append(f"{v['rps']:,.0f} | {ms(v['p50'])} | {ms(v['p99'])}")
                non2xx += v["non2xx"] + v["errors"]
            else:
                cells.append("- | - | -")
        p(f"| {human(s)} | " + " | ".join(cells) + f" | {non2xx} |")
    p("")

p(f"### p99 at {human(large)} against p99 at {human(small)}")
p("")
p("| endpoint | " + " | ".join(f"c={c}" for c in conns) + " |")
p("| --- | " + " | ".join("---:" for _ in conns) + " |")
for endpoint in NAMES:
    cells = []
    for c in conns:
        g = growth(endpoint, c)
        cells.append(f"{g:.2f}" if g is not None else "-")
    if any(x != "-" for x in cells):
        p(f"| {endpoint} | " + " | ".join(cells) + " |")
p("")

# ---- start and memory ----
p("## Start and memory")
p("")
p(f"The packaged jar (`java {java_opts} -jar bootstrap/target/quarkus-app/quarkus-run.jar`), started by the script, "
  "which polls `GET /api/v1/applications?limit=1` with a fund officer's token every 20 ms. Resident memory is "
  "VmRSS of the java process: right after that first 200, and after all the runs of that size.")
p("")
p("| start | data | process start to first authorised 200 (ms) | Quarkus' own \"started in\" (s) | CPU time used by then (s) | RSS after first request (MB) | RSS after the load (MB) |")
p("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for label, t, quarkus, rss, cpu in starts:
    if label == "cold":
        p(f"| first start, empty database (Flyway migrates V1, V2) | 0 | {t} | {quarkus} | {cpu} | {int(rss) / 1024:.0f} | - |")
    elif label in ("appcds", "appcds-c1"):
        what = {"appcds": "experiment: restart with an AppCDS archive (`-XX:SharedArchiveFile`)",
                "appcds-c1": "experiment: AppCDS archive and C1 only (`-XX:TieredStopAtLevel=1`)"}[label]
        p(f"| {what} | {human(large)} | {t} | {quarkus} | {cpu} | {int(rss) / 1024:.0f} | - |")
    elif label not in EXPERIMENTS:
        after = rss_after.get(int(label))
        p(f"| restart | {human(label)} | {t} | {quarkus} | {cpu} | {int(rss) / 1024:.0f} | "
          + (f"{after / 1024:.0f} |" if after else "- |"))
p("")

# ---- statements ----
p("## SQL statements per request")
p("")
p(f"{samples} sequential requests of one endpoint (curl), counted two ways in the benchmark's PostgreSQL: "
  "**pg_stat_statements** (reset first; the calls of the service's own role `socialfund_app` in its database), and "
  "the **server's statement log** (`log_statement = all`, switched on only while counting), which also shows "
  "what pg_stat_statements does not: the COMMIT that the JDBC driver sends as a prepared statement, and the empty "
  "query with which the pool validates a connection on borrow. Each is a round trip. The benchmark's own queries run "
  "as the superuser and are not counted. The submissions were removed again afterwards.")
p("")
labels = []
for row in statements:
    if row[1] not in labels:
        labels.append(row[1])
p("| endpoint | " + " | ".join(f"{human(s)}: server log / pg_stat_statements" for s in measured)
  + " | database time per request at " + human(large) + " (ms) |")
p("| --- | " + " | ".join("---:" for _ in measured) + " | ---: |")
for label in labels:
    p(f"| {label} | " + " | ".join(f"{per_log[s][label]:.2f} / {per[s][label]:.2f}" if label in per[s] else "-"
                                   for s in measured)
      + f" | {db_time[large].get(label, float('nan')):.3f} |")
p("")
p("Database time per request by data size (ms; pg_stat_statements' execution time of the service's statements, "
  "summed, per request): it shows whether the queries themselves grow with the data, apart from everything "
  "else the machine was doing.")
p("")
p("| endpoint | " + " | ".join(human(s) for s in measured) + " |")
p("| --- | " + " | ".join("---:" for _ in measured) + " |")
for label in labels:
    p(f"| {label} | " + " | ".join(f"{db_time[s][label]:.3f}" if label in db_time[s] else "-" for s in measured) + " |")
p("")
p(f"What they are, at {human(large)} (per request × statement, from the server log):")
p("")
for size, label, n, total, logged, db_ms, breakdown in statements:
    if int(size) == large:
        p(f"- **{label}** ({float(logged) / float(n):.2f}): {breakdown}")
p("")

# ---- data ----
p("## The data set")
p("")
p("| applications | revisions | history events | audit events | office rows | database size | load time (s) | VACUUM ANALYZE + CHECKPOINT (s) |")
p("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for s in sizes:
    if s in counts:
        apps, revs, events, audits, offices, dbsize = counts[s]
        load = loads.get(s, ["-", "-"])
        p(f"| {int(apps):,} | {int(revs):,} | {int(events):,} | {int(audits):,} | {int(offices):,} | "
          f"{int(dbsize) / 1024 / 1024:,.0f} MB | {load[0]} | {load[1]} |")
p("")
verification = read("verification.json")
if verification:
    p(f"The service's own chain verification over all of it: `{verification}`")
    p("")

# ---- machine ----
p("## Machine, versions and settings")
p("")
p("```")
p(read("machine.txt"))
p("```")
p("")
p(f"Build: {read('build-seconds', '?')} s (`./mvnw -q -B -o package -DskipTests`).")
p("")
p("PostgreSQL 15 (the Debian server binaries), started by the script as the postgres user, loopback only, "
  "with pg_stat_statements; these lines were added to the default postgresql.conf:")
p("")
p("```")
p(read("pg-settings.txt"))
p("```")
p("")
p(f"The service: the packaged jar with the default application.properties (log level INFO; JDBC pool 2 to 20, "
  f"validation on borrow, statement timeout 30 s), JVM options `{java_opts}`, two database roles (Flyway as "
  "`socialfund_owner`, the service as `socialfund_app`, as the README describes), bearer tokens signed with "
  "the RSA key the service created in its SOCIALFUND_DATA_DIR and verified by quarkus-oidc on every request.")
p("")
print("\n".join(out))
