#!/usr/bin/env bash
# Runs every test, once. Installs what is missing (apt-get as root, naming every package first;
# otherwise it names all the missing packages in one line),
# packs the tool (this machine's ReadyToRun package, the portable one and the pointer), installs it
# into a scratch tool path as a user would, and runs the unit, command and process-level tests: the
# process-level ones against that installed tool. The tests start and stop their own S3 servers on
# 127.0.0.1 (moto_server, and s3rver, which this script installs into .tools/).
#
# Usage: scripts/test.sh [--fast] [dotnet test options]
#   --fast                the fast set (TestCategory!=Slow): no packing, no process-level or age/aws/tmux tests
#   --filter EXPRESSION   any dotnet test filter, for example --filter "FullyQualifiedName~EncryptionTests";
#                         with --fast it narrows the fast set
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

fast=false
if [ "${1:-}" = --fast ]; then fast=true; shift; fi

if $fast; then
  ensure_prerequisites
  ensure_s3rver
  # dotnet test takes one --filter: the caller's, if any, joins the fast set's.
  filter="TestCategory!=Slow" passed=()
  while [ $# -gt 0 ]; do
    case $1 in
      --filter)
        [ $# -ge 2 ] || { echo "error: --filter needs an expression" >&2; exit 2; }
        filter="($2)&$filter"; shift 2 ;;
      --filter=*) filter="(${1#--filter=})&$filter"; shift ;;
      *) passed+=("$1"); shift ;;
    esac
  done
  run_dotnet_tests StartClaude.Tool.sln -c Release --filter "$filter" ${passed[@]+"${passed[@]}"}
  exit
fi
ensure_prerequisites all
ensure_s3rver

make_workspace
rid=$(host_rid)
echo "== Packing start-claude for $rid and any (portable)"
dotnet pack src/StartClaude.Tool -c Release --nologo -v quiet -o "$work/nupkg" \
  -p:ToolPackageRuntimeIdentifiers=\"$rid\;any\" 2>&1 | grep -v "warning NU1603" || true
pointer=$(ls "$work"/nupkg/start-claude.[0-9]*.nupkg 2>/dev/null | head -1)
[ -n "$pointer" ] || { echo "error: packing failed" >&2; exit 1; }
version=$(basename "$pointer" .nupkg); version=${version#start-claude.}
commit=$(git rev-parse --short=7 HEAD 2>/dev/null || true)

# --source replaces the feeds: the package can only come from the folder just packed.
echo "== Installing start-claude $version from the packed folder"
dotnet tool install --tool-path "$work/tools" --source "$work/nupkg" start-claude --version "$version" >/dev/null
tool="$work/tools/start-claude"
"$tool" --version
"$tool" --version | grep -q "^$version\b" || { echo "error: the installed tool is not version $version" >&2; exit 1; }
if [ -n "$commit" ] && [ ! -f .git/shallow ]; then
  "$tool" --version | grep -q "$commit" || { echo "error: --version does not name commit $commit" >&2; exit 1; }
fi

# A platform with no ReadyToRun package gets the portable one: a folder with only the pointer and
# "any", and an operating system the pointer does not list (DOTNET_RUNTIME_ID overrides the SDK's).
mkdir -p "$work/portable-feed"
cp "$pointer" "$work/nupkg/start-claude.any.$version.nupkg" "$work/portable-feed/"
DOTNET_RUNTIME_ID=freebsd-x64 dotnet tool install --tool-path "$work/portable" --source "$work/portable-feed" \
  start-claude --version "$version" >/dev/null
[ -d "$work/portable/.store/start-claude/$version/start-claude.any" ] || { echo "error: the portable package was not the one installed" >&2; exit 1; }
[ "$("$work/portable/start-claude" --version)" = "$("$tool" --version)" ] || { echo "error: the portable tool answers another version" >&2; exit 1; }
echo "   the portable package installs from a folder holding only it and the pointer"

echo "== Running the tests (process-level ones against $tool)"
START_CLAUDE_BIN="$tool" run_dotnet_tests StartClaude.Tool.sln -c Release "$@"
