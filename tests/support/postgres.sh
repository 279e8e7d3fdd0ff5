#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: initdb in a temp folder owned by postgres,
# listen on 127.0.0.1 and a free high port, create a role and database, export DATABASE_URL, run
# the command, and stop and remove the cluster in a trap whatever happens (TOOLCHAIN.md, "PostgreSQL in CI").
#
#   bash tests/support/postgres.sh npx vitest run --project server
#   bash tests/support/postgres.sh            (no command: prints DATABASE_URL and waits for Ctrl-C)
#
# Without PostgreSQL binaries the command runs without DATABASE_URL (the PostgreSQL suite then says it
# is skipped) — unless REQUIRE_POSTGRES=1, as CI sets, which makes a missing server an error.
set -euo pipefail

pg_bin="${PG_BIN:-}"
if [ -z "$pg_bin" ]; then
  for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/postgres" ] && pg_bin="$candidate"
  done
fi

if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/postgres" ]; then
  if [ "${REQUIRE_POSTGRES:-0}" = "1" ]; then
    echo "postgres.sh: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
    exit 1
  fi
  echo "postgres.sh: PostgreSQL is not installed; running without DATABASE_URL (PostgreSQL tests are skipped)" >&2
  if [ $# -gt 0 ]; then exec "$@"; fi
  exit 0
fi

# initdb and postgres refuse to run as root: run them as the postgres user when we are root.
as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

root_dir="$(mktemp -d /tmp/pg-throwaway.XXXXXX)"
chmod 755 "$root_dir"
[ "$(id -u)" = "0" ] && chown postgres:postgres "$root_dir"
data_dir="$root_dir/data"
log_file="$root_dir/server.log"

stop_cluster() {
  as_postgres "$pg_bin/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$root_dir"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

# A free port: ask the kernel for one, then hand it to postgres (a race is possible but harmless here).
port="${PGPORT_OVERRIDE:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"

as_postgres "$pg_bin/initdb" -D "$data_dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$data_dir" -l "$log_file" -w \
  -o "-h 127.0.0.1 -p $port -k $root_dir -c fsync=off -c full_page_writes=off -c max_connections=200" start >/dev/null

as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE centre LOGIN PASSWORD 'centre'" \
  -c "CREATE DATABASE centre_test OWNER centre" >/dev/null

export DATABASE_URL="postgres://centre:centre@127.0.0.1:$port/centre_test"
echo "postgres.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port — DATABASE_URL=$DATABASE_URL" >&2

if [ $# -eq 0 ]; then
  echo "DATABASE_URL=$DATABASE_URL"
  echo "postgres.sh: press Ctrl-C to stop the cluster" >&2
  while true; do sleep 3600; done
fi

set +e
"$@"
status=$?
set -e
exit $status
