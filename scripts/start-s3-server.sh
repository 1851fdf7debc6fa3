#!/usr/bin/env bash
# Starts moto_server on 127.0.0.1 (a free port unless PORT is set), creates BUCKET
# (default start-claude-demo) and prints the endpoint URL. The server runs until killed;
# its process id is written to $PID_FILE when that is set.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
port=${PORT:-$(free_port)}
bucket=${BUCKET:-start-claude-demo}
# shellcheck disable=SC2046
$(moto_command) -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
pid=$!
[ -n "${PID_FILE:-}" ] && echo "$pid" > "$PID_FILE"
wait_for_port "$port"
curl -fsS -X PUT "http://127.0.0.1:$port/$bucket" -o /dev/null
echo "http://127.0.0.1:$port"
