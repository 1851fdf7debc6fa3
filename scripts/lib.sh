# Shared by the scripts in this folder: locating moto_server, free ports, s3rver.
# shellcheck shell=bash

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# A TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The command that starts moto_server (preinstalled on the project's machines).
moto_command() {
  if command -v moto_server >/dev/null 2>&1; then
    echo moto_server
  elif python3 -c 'import moto.server' >/dev/null 2>&1; then
    echo "python3 -m moto.server"
  else
    echo "moto_server is not installed (Python moto 5.2.1 with its server extra is needed)" >&2
    return 1
  fi
}

# Waits until something listens on 127.0.0.1:$1 (at most 60 s).
wait_for_port() {
  local port=$1 i
  for i in $(seq 1 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$port after 60 s" >&2
  return 1
}

# Installs s3rver (npm) into .tools/ unless it is there already.
ensure_s3rver() {
  local root; root=$(repo_root)
  if [ -x "$root/.tools/node_modules/.bin/s3rver" ]; then return 0; fi
  echo "Installing s3rver into .tools/ (npm)..."
  npm install --prefix "$root/.tools" --no-audit --no-fund --loglevel=error s3rver@3.7.1 >/dev/null
}

# Runs `dotnet test "$@"`, shows its output without restore-warning noise, and ends with one
# closing line for the whole run ("N passed, N failed, N skipped"). Returns dotnet's status.
run_dotnet_tests() {
  local log status
  log=$(mktemp)
  set +e
  dotnet test --nologo "$@" 2>&1 | tee "$log" | grep -v "warning NU1603"
  status=${PIPESTATUS[0]}
  set -e
  awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
         gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
       END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
  rm -f "$log"
  return "$status"
}

# Creates a scratch folder in $work, removed on exit together with any server started below.
make_workspace() {
  work=$(mktemp -d)
  trap 'kill "$(cat "$work/server.pid" 2>/dev/null)" 2>/dev/null; rm -rf "$work"' EXIT
}

# Starts moto_server on a free loopback port with bucket $1 (stopped on exit); sets $endpoint.
start_workspace_server() {
  endpoint=$(PID_FILE="$work/server.pid" BUCKET="$1" bash "$(repo_root)/scripts/start-s3-server.sh")
}
