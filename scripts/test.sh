#!/usr/bin/env bash
# Runs every test. The tests start and stop their own S3 servers on 127.0.0.1:
# moto_server (preinstalled) and s3rver (installed into .tools/ by this script).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"

moto_command >/dev/null
ensure_s3rver

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test StartClaude.Tool.sln -c Release --nologo "$@" 2>&1 | tee "$log" | grep -v "warning NU1603"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
