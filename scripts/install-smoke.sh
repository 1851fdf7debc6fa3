#!/usr/bin/env bash
# Packs the tool, installs the package from the local folder into a temporary tool path,
# and runs an upload -> download round trip through the installed binary against a
# loopback moto_server. Then runs the process-level tests against that installed binary.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"

make_workspace

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
rm -rf artifacts/nupkg
dotnet pack src/StartClaude.Tool -c Release --nologo -v quiet 2>&1 | grep -v "warning NU1603" || true
ls artifacts/nupkg/start-claude."$version".nupkg >/dev/null

# --source replaces the feeds: the package can only come from the folder just packed.
dotnet tool install --tool-path "$work/tools" --source "$root/artifacts/nupkg" start-claude --version "$version"
tool="$work/tools/start-claude"
"$tool" --version | grep -qx "$version"
"$tool" --help | grep -q s3-sync

start_workspace_server smoke-bucket
mkdir -p "$work/a"
printf '%s\n' '{"configs":[{"name":"smoke","apiKey":"sk-ant-smoke-000000000000-abcd","futureField":[1,2]}],"settings":{"keepMe":true}}' > "$work/a/config.json"
for home in a b; do
  AWS_SECRET_ACCESS_KEY=smoke-secret START_CLAUDE_HOME="$work/$home" "$tool" s3-setup --provider s3-compatible --bucket smoke-bucket \
    --access-key-id smoke-key --endpoint-url "$endpoint" >/dev/null
done
START_CLAUDE_HOME="$work/a" "$tool" s3-upload
START_CLAUDE_HOME="$work/b" "$tool" s3-download -f | grep -q "^Downloaded 1 config"
python3 - "$work/a/config.json" "$work/b/config.json" <<'PY'
import json, sys
docs = []
for path in sys.argv[1:3]:
    doc = json.load(open(path)); doc["settings"].pop("s3Sync")
    docs.append(doc)
assert docs[0] == docs[1], "installed tool round trip lost data"
print("installed tool: upload -> download round trip OK")
PY

START_CLAUDE_BIN="$tool" run_dotnet_tests tests/StartClaude.IntegrationTests -c Release
