# PostgreSQL 15 for the benchmark: a server of its own in bench/work/pg, run as the postgres user, loopback only.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${BENCH_PG_PORT:-55432}
PG_DATA="$WORK/pg/data"
PG_SOCK="$WORK/pg/run"
PG_LOG="$WORK/pg/postgres.log"
APP_PASSWORD=bench-app-secret
OWNER_PASSWORD=bench-owner-secret
PGBENCH_PASSWORD=bench-pgbench-secret

as_postgres() { runuser -u postgres -- "$@"; }
# psql as the superuser over the unix socket (the benchmark's own queries: excluded from the statement counts)
sql() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U postgres -d "${SQL_DB:-socialfund}" "$@"; }
sqlv() { sql -At "$@"; }

pg_start() {
  if [ -f "$PG_DATA/postmaster.pid" ]; then pg_stop || true; fi
  rm -rf "$WORK/pg"
  mkdir -p "$PG_DATA" "$PG_SOCK"
  chown -R postgres:postgres "$WORK/pg"
  as_postgres "$PGBIN/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$WORK/pg/initdb.log"
  # production-like for a 2-core machine with plenty of memory, shared with other work (see the README)
  cat >>"$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = 100
shared_buffers = 1GB
effective_cache_size = 8GB
work_mem = 16MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
checkpoint_timeout = 15min
random_page_cost = 1.1
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.max = 10000
pg_stat_statements.track_utility = on
logging_collector = off
log_min_duration_statement = -1
log_line_prefix = '%m [%p] %u@%d '
CONF
  as_postgres "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null
  SQL_DB=postgres sql <<SQL
CREATE ROLE socialfund_owner LOGIN PASSWORD '$OWNER_PASSWORD';
CREATE ROLE socialfund_app LOGIN PASSWORD '$APP_PASSWORD';
CREATE ROLE pgbench LOGIN PASSWORD '$PGBENCH_PASSWORD';
CREATE DATABASE socialfund OWNER socialfund_owner ENCODING 'UTF8';
CREATE DATABASE pgbench OWNER pgbench ENCODING 'UTF8';
SQL
  sql -c "CREATE EXTENSION pg_stat_statements"
}

pg_stop() {
  as_postgres "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 120 stop >/dev/null 2>&1
}
