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

# Installs Debian packages: with apt-get as root (updating the package lists first, once per run),
# after naming every package it will install, dependencies included; otherwise names them all in
# one line with the command. $1 names what needs them, the rest are packages.
install_packages() {
  local what=$1; shift
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    if [ -z "${apt_lists_updated:-}" ]; then
      echo "Updating the package lists (apt-get update) to install $* for $what..."
      apt-get update -qq >/dev/null
      apt_lists_updated=1
    fi
    local plan planned
    if plan=$(DEBIAN_FRONTEND=noninteractive apt-get install -s -qq --no-install-recommends "$@" 2>/dev/null); then
      planned=$(awk '/^Inst / { printf "%s%s", sep, $2; sep = " " }' <<<"$plan")
      if [ -n "$planned" ]; then
        echo "Installing $* for $what (apt-get: $(wc -w <<<"$planned") packages with their dependencies: $planned)..."
      else
        echo "Installing $* for $what (apt-get: already installed)..."
      fi
    else
      echo "Installing $* for $what (apt-get)..."
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "error: not on PATH: $what; install the packages $* (Debian/Ubuntu: sudo apt-get install $*)" >&2
    return 1
  fi
}

# Each argument is COMMAND=PACKAGE[,PACKAGE...]: the commands not on PATH get their packages, all in
# one apt-get run as root, or all named in one error line otherwise.
ensure_commands() {
  local pair command missing=() packages=()
  for pair in "$@"; do
    command=${pair%%=*}
    command -v "$command" >/dev/null 2>&1 && continue
    missing+=("$command")
    IFS=, read -r -a more <<<"${pair#*=}"
    packages+=("${more[@]}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local names; names=$(IFS=,; echo "${missing[*]}")
  names=${names//,/, }
  install_packages "$names" "${packages[@]}" || return 1
  for command in "${missing[@]}"; do
    command -v "$command" >/dev/null 2>&1 || { echo "error: $command is still not on PATH after installing ${packages[*]}" >&2; return 1; }
  done
}

# The commands of the fast set: Python (moto_server is checked apart), curl and npm (for s3rver),
# and with "all" also those the interop and terminal tests drive: tmux, age, the aws CLI.
# Everything missing is named, or installed, at once.
ensure_prerequisites() {
  command -v dotnet >/dev/null 2>&1 || {
    echo "error: dotnet is missing; install the .NET 10 SDK (global.json pins the 10.0.4xx band)" >&2; return 1; }
  local wanted=(python3=python3 curl=curl)
  # Some Node.js builds bring npm with them, Debian's does not.
  if command -v node >/dev/null 2>&1; then wanted+=(npm=npm); else wanted+=(npm=nodejs,npm); fi
  if [ "${1:-}" = all ]; then wanted+=(tmux=tmux age=age aws=awscli ssh-keygen=openssh-client); fi
  if [ "$(id -u)" = 0 ] && ! command -v node >/dev/null 2>&1 && ! command -v npm >/dev/null 2>&1; then
    # As root: nodejs first, since a NodeSource nodejs brings npm and conflicts with Debian's npm.
    install_packages node nodejs || return 1
    wanted=("${wanted[@]/npm=nodejs,npm/npm=npm}")
  fi
  ensure_commands "${wanted[@]}" || return 1
  moto_command >/dev/null
}

# What the demo needs: the .NET SDK, Python with moto_server, and curl.
ensure_base_prerequisites() {
  command -v dotnet >/dev/null 2>&1 || {
    echo "error: dotnet is missing; install the .NET 10 SDK (global.json pins the 10.0.4xx band)" >&2; return 1; }
  ensure_commands python3=python3 curl=curl || return 1
  moto_command >/dev/null
}

# Installs s3rver (npm) into .tools/ unless it is there already.
ensure_s3rver() {
  local root; root=$(repo_root)
  if [ -x "$root/.tools/node_modules/.bin/s3rver" ]; then return 0; fi
  ensure_commands npm=npm || return 1
  echo "Installing s3rver into .tools/ (npm)..."
  npm install --prefix "$root/.tools" --no-audit --no-fund --loglevel=error s3rver@3.7.1 >/dev/null
}

# This machine's runtime identifier (linux-x64, osx-arm64, ...), as dotnet reports it.
host_rid() { dotnet --info | sed -n 's/^ *RID: *//p' | head -1; }

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
  # mktemp makes it 0700; the tests run the installed tool from here as an unprivileged user too.
  chmod 755 "$work"
  # "|| true": with no server to stop, a failing kill would otherwise become the script's exit status.
  trap 'kill "$(cat "$work/server.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
}

# Starts moto_server on a free loopback port with bucket $1 (stopped on exit); sets $endpoint.
start_workspace_server() {
  endpoint=$(PID_FILE="$work/server.pid" BUCKET="$1" bash "$(repo_root)/scripts/start-s3-server.sh")
}
