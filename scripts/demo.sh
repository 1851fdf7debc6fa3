#!/usr/bin/env bash
# The main job, locally: start a loopback S3 server, set start-claude up against it in a
# throwaway home, upload, show status, then set up a second throwaway home (another
# "device"), which downloads, and show that both hold the same configs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"

ensure_base_prerequisites
make_workspace

echo "== Building start-claude"
dotnet publish src/StartClaude.Tool -c Release -o "$work/bin" --nologo -v quiet 2>&1 | grep -v "warning NU1603" || true
tool="$work/bin/start-claude"
[ -x "$tool" ] || { echo "build failed" >&2; exit 1; }

echo "== Starting moto_server on 127.0.0.1"
start_workspace_server start-claude-demo
echo "   $endpoint, bucket start-claude-demo"

laptop="$work/laptop"; desktop="$work/desktop"
# Private from the start, as the tool keeps a home (it would otherwise tighten it and say so).
mkdir -p -m 700 "$laptop"
(umask 077; cat > "$laptop/config.json") <<'JSON'
{
  "configs": [
    { "name": "work", "profileType": "default", "apiKey": "sk-ant-demo-0000000000000000-c3Fz",
      "baseUrl": "https://api.anthropic.com", "model": "claude-sonnet-4-20250514", "isDefault": true },
    { "name": "proxy", "profileType": "default", "apiKey": "sk-demo-1111111111111111-9kQx",
      "baseUrl": "https://proxy.example.com", "model": "claude-opus-4" }
  ],
  "settings": { "overrideClaudeCommand": false }
}
JSON

# The secret comes from the environment, so it is in no command line.
export AWS_SECRET_ACCESS_KEY=demo-secret-key
setup=(s3-setup --provider s3-compatible --bucket start-claude-demo --access-key-id demo-access-key
       --endpoint-url "$endpoint")

echo; echo "== Laptop: s3-setup, s3-upload, s3-status"
START_CLAUDE_HOME="$laptop" "$tool" "${setup[@]}"
START_CLAUDE_HOME="$laptop" "$tool" s3-upload
START_CLAUDE_HOME="$laptop" "$tool" s3-status

echo; echo "== Desktop (empty): s3-setup downloads the configs, then s3-status"
START_CLAUDE_HOME="$desktop" "$tool" "${setup[@]}"
START_CLAUDE_HOME="$desktop" "$tool" s3-status

echo; echo "== Desktop: start-claude list"
START_CLAUDE_HOME="$desktop" "$tool" list

echo; echo "== Comparing the two homes (S3 settings aside)"
python3 - "$laptop/config.json" "$desktop/config.json" <<'PY'
import json, sys
def shared(path):
    doc = json.load(open(path))
    doc.get("settings", {}).pop("s3Sync", None)
    return json.dumps(doc, sort_keys=True)
a, b = (shared(p) for p in sys.argv[1:3])
if a != b:
    sys.exit("the two homes differ")
print("The laptop and the desktop hold the same %d configs." % len(json.loads(a)["configs"]))
PY
