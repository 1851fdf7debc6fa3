#!/usr/bin/env bash
# A benchmark, not a test: for each command, the requests it sends, its median wall time over
# repeated runs, and the same for `aws s3api` doing the equivalent against the same loopback
# moto_server, as a ratio. Also `--version` against a plain `dotnet new console` hello world.
# Usage: scripts/bench.sh [runs]   (default 15). Needs the aws CLI for the comparison column.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"
runs=${1:-15}
make_workspace

rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
echo "== Publishing start-claude for $rid (ReadyToRun, as the tool package ships) and a hello world"
dotnet publish src/StartClaude.Tool -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$work/bin" --nologo -v quiet 2>&1 | grep -v "warning NU1603" || true
(cd "$work" && dotnet new console -o hello --force >/dev/null 2>&1 && cp "$root/global.json" hello/ \
  && dotnet publish hello -c Release -o "$work/hello-bin" --nologo -v quiet >/dev/null 2>&1)
tool="$work/bin/start-claude"

start_workspace_server bench-bucket
export START_CLAUDE_HOME="$work/home" AWS_ACCESS_KEY_ID=bench-key AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1
"$tool" add work --api-key sk-ant-bench-0000000000000000-c3Fz --model claude-opus-4 >/dev/null
"$tool" s3-setup --provider s3-compatible --bucket bench-bucket --access-key-id bench-key --endpoint-url "$endpoint" --no-encrypt >/dev/null
"$tool" s3-sync >/dev/null
"$tool" s3-status >/dev/null   # the once-a-day public check, so later runs show the steady state
etag=$(python3 -c 'import json,sys; print(next(iter(json.load(open(sys.argv[1]))["remotes"].values()))["etag"])' "$work/home/sync-state.json")
echo '{"configs":[]}' > "$work/body.json"
aws=$(command -v aws || true)

python3 - "$runs" "$tool" "$work" "$endpoint" "$etag" "${aws:-}" <<'PY'
import os, statistics, subprocess, sys, time
runs, tool, work, endpoint, etag, aws = int(sys.argv[1]), *sys.argv[2:7]

def median_ms(cmd):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000

def requests(args):
    # --verbose prints one "http:" line per request that reached the wire.
    err = subprocess.run([tool, *args, "--verbose"], capture_output=True, text=True).stderr
    return sum(1 for line in err.splitlines() if line.startswith("http: "))

def api(op, *extra):
    return [aws, "s3api", op, "--endpoint-url", endpoint, "--bucket", "bench-bucket", "--key", "start-claude-config.json", *extra] if aws else None

rows = [
    ("--version", [tool, "--version"], 0, [os.path.join(work, "hello-bin", "hello")], "hello world (dotnet new console)"),
    ("s3-status (nothing changed)", [tool, "s3-status"], requests(["s3-status"]), api("get-object", "--if-none-match", etag, os.path.join(work, "out.json")), "s3api get-object --if-none-match"),
    ("s3-sync (nothing changed)", [tool, "s3-sync"], requests(["s3-sync"]), api("get-object", "--if-none-match", etag, os.path.join(work, "out.json")), "s3api get-object --if-none-match"),
    ("s3-download -f", [tool, "s3-download", "-f"], requests(["s3-download", "-f"]), api("get-object", os.path.join(work, "out.json")), "s3api get-object"),
    ("s3-upload", [tool, "s3-upload"], requests(["s3-upload"]), api("put-object", "--body", os.path.join(work, "body.json")), "s3api put-object"),
]
print(f"\n{runs} runs each, median wall time\n")
print(f"{'command':30} {'requests':>8} {'start-claude':>13}   {'equivalent':34} {'time':>8} {'ratio':>6}")
for name, cmd, sent, other, label in rows:
    ours = median_ms(cmd)
    if other and other[0]:
        theirs = median_ms(other)
        print(f"{name:30} {sent:>8} {ours:>10.0f} ms   {label:34} {theirs:>5.0f} ms {ours / theirs:>5.2f}x")
    else:
        print(f"{name:30} {sent:>8} {ours:>10.0f} ms   {'(aws CLI not installed)':34}")
PY
