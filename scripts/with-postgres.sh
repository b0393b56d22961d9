#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server and stops the server afterwards.
#
#   scripts/with-postgres.sh mvn -B verify
#
# Installs PostgreSQL from Debian's packages when its binaries are missing, starts a new cluster
# as an unprivileged user on a free loopback port, and exports for the command:
#   CLINICALINGEST_PG_URL   JDBC URL of the server (user postgres, database postgres)
#   CLINICALINGEST_PG_DATA  the cluster's data directory
#   CLINICALINGEST_PG_CTL   a pg_ctl command line that works for that cluster's owner
# If CLINICALINGEST_PG_URL is already set, the command runs against that server instead.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi
if [[ -n "${CLINICALINGEST_PG_URL:-}" ]]; then
  exec "$@"
fi

find_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_bin=$(find_pg_bin)
if [[ -z "$pg_bin" ]]; then
  echo "PostgreSQL server binaries not found; installing Debian's postgresql package" >&2
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(find_pg_bin)
fi

# PostgreSQL refuses to run as root: run it as the postgres user the package creates.
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
  as_owner=(runuser -u postgres --)
fi

data_dir=$(mktemp -d /tmp/clinical-ingest-pg.XXXXXX)
chmod 755 "$data_dir"
[[ $(id -u) -eq 0 ]] && chown postgres "$data_dir"

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
port=$((20000 + RANDOM % 20000))
until port_is_free "$port"; do port=$((port + 1)); done

"${as_owner[@]}" "$pg_bin/initdb" -D "$data_dir/db" -U postgres -A trust -E UTF8 --no-locale >/dev/null
pg_ctl_cmd=("${as_owner[@]}" "$pg_bin/pg_ctl" -D "$data_dir/db")
server_options="-p $port -k $data_dir -c listen_addresses=127.0.0.1 -c max_connections=200"
"${pg_ctl_cmd[@]}" -o "$server_options" -l "$data_dir/server.log" -w start >/dev/null

stop_server() {
  "${pg_ctl_cmd[@]}" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$data_dir"
}
trap stop_server EXIT

export CLINICALINGEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
export CLINICALINGEST_PG_DATA="$data_dir/db"
export CLINICALINGEST_PG_CTL="${pg_ctl_cmd[*]}"
export CLINICALINGEST_PG_OPTIONS="$server_options"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
