#!/usr/bin/env bash
# Runs every test. The tests start and stop their own S3 servers on 127.0.0.1:
# moto_server (preinstalled) and s3rver (installed into .tools/ by this script).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"

moto_command >/dev/null
ensure_s3rver

run_dotnet_tests StartClaude.Tool.sln -c Release "$@"
