#!/usr/bin/env bash
# Stops a cluster started by start.sh DIR the way a crash would (immediate mode), keeping its data: kill.sh DIR
# Start it again on its port with restart.sh DIR PORT.
set -euo pipefail
dir=${1:?usage: kill.sh DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
