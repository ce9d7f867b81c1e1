#!/usr/bin/env bash
# Starts again, on the same port, a cluster stopped by kill.sh: restart.sh DIR PORT
set -euo pipefail
dir=${1:?usage: restart.sh DIR PORT}
port=${2:?usage: restart.sh DIR PORT}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
  -o "-p $port -h 127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
