#!/usr/bin/env bash
# A benchmark, not a test: it prints figures and asserts nothing. For each row of the performance
# table (docs/performance.md): the median wall time and CPU time (user + system) of interleaved runs,
# the ratio to what the row compares with, and the peak memory (maximum resident set size) of one run.
# Rows: --version, `start-claude work` (claude stubbed, no remote check due), a start with no name
# five folders below a .start-claude-config, and `list` against a
# `dotnet hello.dll` hello world; no-op s3-status / s3-sync and the other S3 commands against
# `aws s3api` doing the same on the same loopback moto_server; download and one-change sync at
# 1 / 5,000 / 10,000 / 10,400 configs (the download onto a device that holds no configs yet; the sync
# also as a ratio to the 1-config sync); a start whose remote check meets a service that never answers.
# Usage: scripts/bench.sh [runs]   (default 15; the document-size rows use BENCH_SCALE_RUNS, default 3;
#        BENCH_SCALE=0 leaves them out, BENCH_SCALE=only runs only them;
#        BENCH_SIZES="1 10000" picks the sizes, the first being what the others are compared with). Needs the aws CLI for the comparison column
#        (apt-get install -y awscli); the original Node tool is compared only when `start-claude-node`
#        (or ORIGINAL_START_CLAUDE) names it.
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

# A stand-in claude that exits at once: `start-claude work` then measures the tool alone.
mkdir -p "$work/claude-bin"
printf '#!/bin/sh\nexit 0\n' > "$work/claude-bin/claude"
chmod +x "$work/claude-bin/claude"
export PATH="$work/claude-bin:$PATH"

start_workspace_server bench-bucket
export START_CLAUDE_HOME="$work/home" AWS_ACCESS_KEY_ID=bench-key AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1
"$tool" add work --api-key sk-ant-bench-0000000000000000-c3Fz --model claude-opus-4 >/dev/null
"$tool" s3-setup --provider s3-compatible --bucket bench-bucket --access-key-id bench-key --endpoint-url "$endpoint" --no-encrypt >/dev/null
"$tool" s3-sync >/dev/null
"$tool" s3-status >/dev/null   # the once-a-day public check, so later runs show the steady state
"$tool" work >/dev/null        # the remote check before a start: now not due for an hour
etag=$(python3 -c 'import json,sys; print(next(iter(json.load(open(sys.argv[1]))["remotes"].values()))["etag"])' "$work/home/sync-state.json")
echo '{"configs":[]}' > "$work/body.json"
aws=$(command -v aws || true)
original=${ORIGINAL_START_CLAUDE:-$(command -v start-claude-node || true)}

python3 - "$runs" "$tool" "$work" "$endpoint" "$etag" "${aws:-}" "${original:-}" "${BENCH_SCALE_RUNS:-3}" "${BENCH_SCALE:-1}" <<'PY'
import json, os, re, shutil, socket, statistics, subprocess, sys, threading, time, uuid

runs, tool, work, endpoint, etag, aws, original = int(sys.argv[1]), *sys.argv[2:8]
scale_runs, scale, scale_only = int(sys.argv[8]), sys.argv[9] != "0", sys.argv[9] == "only"
home = os.path.join(work, "home")
hello = ["dotnet", os.path.join(work, "hello-bin", "hello.dll")]

def run_once(cmd, env=None, cwd=None):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime

def interleaved(commands, count, before=None):
    """Median wall and CPU seconds of each command, the commands taking turns within every round."""
    walls, cpus = [[] for _ in commands], [[] for _ in commands]
    for _ in range(count):
        for i, (cmd, env, *cwd) in enumerate(commands):
            if before:
                before(i)
            wall, cpu = run_once(cmd, env, *cwd)
            walls[i].append(wall)
            cpus[i].append(cpu)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus)]

def peak_mib(cmd, env=None, cwd=None):
    # GNU time's "Maximum resident set size" (KiB) of one run.
    if not shutil.which("/usr/bin/time"):
        return float("nan")
    err = subprocess.run(["/usr/bin/time", "-v", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd).stderr
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    return int(found.group(1)) / 1024 if found else float("nan")

def requests(args, env=None):
    # --verbose prints one "http:" line per request that reached the wire.
    err = subprocess.run([tool, *args, "--verbose"], capture_output=True, text=True, env=env).stderr
    return sum(1 for line in err.splitlines() if line.startswith("http: "))

def api(op, *extra):
    return [aws, "s3api", op, "--endpoint-url", endpoint, "--bucket", "bench-bucket", "--key", "start-claude-config.json", *extra] if aws else None

def env_with(**changes):
    env = dict(os.environ)
    env.update(changes)
    return env

def row(name, ours, theirs, label, ours_cmd, theirs_cmd, env=None, sent="", cwd=None):
    (wall, cpu), mem = ours, peak_mib(ours_cmd, env, cwd)
    if theirs:
        (twall, tcpu), tmem = theirs, peak_mib(theirs_cmd)
        print(f"{name:34} {sent:>4} {wall*1000:8.0f} {cpu*1000:7.0f} {mem:6.0f}   {label:36} {twall*1000:7.0f} {tcpu*1000:7.0f} {tmem:6.0f}   {wall/twall:5.2f}x {cpu/tcpu:5.2f}x")
    else:
        print(f"{name:34} {sent:>4} {wall*1000:8.0f} {cpu*1000:7.0f} {mem:6.0f}   {label:36}")

def header(title):
    print(f"\n{title}\n")
    print(f"{'start-claude':34} {'reqs':>4} {'wall ms':>8} {'cpu ms':>7} {'MiB':>6}   {'compared with':36} {'wall ms':>7} {'cpu ms':>7} {'MiB':>6}   {'wall':>6} {'cpu':>6}")

if not scale_only:
    print(f"\nMedians of {runs} interleaved runs; peak memory of one run. Machine: {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at the start (figures on a busy machine are noisy; the ratios less so).")

    # Against a hello world: the everyday commands that never touch the network.
    header("Everyday commands against `dotnet hello.dll` (a `dotnet new console` hello world)")
    # A start with no name in a folder five below a .start-claude-config: the search for a binding included.
    project = os.path.join(work, "project")
    deep = os.path.join(project, "a", "b", "c", "d", "e")
    os.makedirs(deep, exist_ok=True)
    with open(os.path.join(project, ".start-claude-config"), "w") as f:
        f.write("# bench\nwork\n")
    everyday = [("--version", [tool, "--version"], None), ("work (claude stubbed, no check due)", [tool, "work"], None),
                ("bound 5 folders up (no name)", [tool], deep),
                ("list", [tool, "list"], None), ("show work", [tool, "show", "work"], None)]
    results = interleaved([(hello, None)] + [(cmd, None, cwd) for _, cmd, cwd in everyday], runs)
    for (name, cmd, cwd), ours in zip(everyday, results[1:]):
        row(name, ours, results[0], "dotnet hello.dll", cmd, hello, cwd=cwd)

    # Against the AWS CLI doing the same exchange on the same server.
    header("S3 commands against the AWS CLI on the same loopback moto_server")
    s3rows = [
        ("s3-status (nothing changed)", ["s3-status"], api("get-object", "--if-none-match", etag, os.path.join(work, "out.json")), "s3api get-object --if-none-match"),
        ("s3-sync (nothing changed)", ["s3-sync"], api("get-object", "--if-none-match", etag, os.path.join(work, "out.json")), "s3api get-object --if-none-match"),
        ("s3-download -f", ["s3-download", "-f"], api("get-object", os.path.join(work, "out.json")), "s3api get-object"),
        ("s3-upload", ["s3-upload"], api("put-object", "--body", os.path.join(work, "body.json")), "s3api put-object"),
    ]
    for name, args, other, label in s3rows:
        sent = requests(args)
        pair = [([tool, *args], None)] + ([(other, None)] if other else [])
        res = interleaved(pair, runs)
        row(name, res[0], res[1] if other else None, label if other else "(aws CLI not installed)", [tool, *args], other, sent=str(sent))
    # Claude Code files carried: a no-op sync with 500 agent files (one request still) against the one without.
    files_home, files_user = os.path.join(work, "home-files"), os.path.join(work, "user-files")
    os.makedirs(os.path.join(files_user, ".claude", "agents"), exist_ok=True)
    for i in range(500):
        with open(os.path.join(files_user, ".claude", "agents", f"agent-{i:03}.md"), "w") as f:
            f.write(f"---\nname: agent-{i}\ndescription: bench agent {i}\n---\n" + "Review the code carefully.\n" * 20)
    files_env = env_with(START_CLAUDE_HOME=files_home, HOME=files_user)
    subprocess.run([tool, "s3-setup", "--provider", "s3-compatible", "--bucket", "bench-bucket", "--key", "with-files.json",
                    "--access-key-id", "bench-key", "--endpoint-url", endpoint, "--no-encrypt", "--claude-files", "agents"],
                   env=files_env, stdout=subprocess.DEVNULL, check=True)
    subprocess.run([tool, "s3-sync"], env=files_env, stdout=subprocess.DEVNULL, check=True)
    subprocess.run([tool, "add", "work", "--api-key", "sk-ant-bench-0000000000000000-c3Fz"], env=files_env, stdout=subprocess.DEVNULL, check=True)
    subprocess.run([tool, "s3-status"], env=files_env, stdout=subprocess.DEVNULL, check=True)
    subprocess.run([tool, "work"], env=files_env, stdout=subprocess.DEVNULL, check=True)
    header("No-op s3-sync carrying 500 Claude Code files (agents/) against the no-op s3-sync without")
    res = interleaved([([tool, "s3-sync"], files_env), ([tool, "s3-sync"], None)], runs)
    row("s3-sync, 500 files (no change)", res[0], res[1], "s3-sync, no files", [tool, "s3-sync"], [tool, "s3-sync"], env=files_env,
        sent=str(requests(["s3-sync"], files_env)))
    if shutil.which("strace"):
        trace = subprocess.run(["strace", "-f", "-e", "trace=openat,stat,statx,newfstatat", "-o", "/dev/stdout", tool, "work"],
                               env=files_env, capture_output=True, text=True).stdout
        # The user's Claude Code files only: a start also looks for a project's .claude/ up from its folder.
        print(f"`start-claude work` with those files chosen touched {sum(1 for l in trace.splitlines() if files_user in l)} paths of the user's Claude Code files (strace)")
    # An encrypted remote (issue 25): on machine keys a sync opens and seals with X25519; with the passphrase
    # every write derives scrypt 2^18 (256 MiB). The peak of one run each: a no-op sync, then one changed config.
    header("Encrypted s3-sync, peak memory: machine keys against the passphrase")
    for mode, extra in (("machine keys", ["--machine-keys"]), ("passphrase", [])):
        enc_home = os.path.join(work, "home-enc-" + mode.replace(" ", "-"))
        enc_env = env_with(START_CLAUDE_HOME=enc_home, START_CLAUDE_PASSPHRASE="bench passphrase 25")
        subprocess.run([tool, "s3-setup", "--provider", "s3-compatible", "--bucket", "bench-bucket", "--key", f"enc-{mode[0]}.json",
                        "--access-key-id", "bench-key", "--endpoint-url", endpoint, "--encrypt", *extra],
                       env=enc_env, stdout=subprocess.DEVNULL, check=True)
        subprocess.run([tool, "s3-sync"], env=enc_env, stdout=subprocess.DEVNULL, check=True)
        noop = peak_mib([tool, "s3-sync"], enc_env)
        with open(os.path.join(enc_home, "config.json")) as f:
            doc = json.load(f)
        doc.setdefault("configs", []).append({"name": "one-more", "profileType": "default", "model": "claude-sonnet-4", "isDefault": not doc.get("configs")})
        with open(os.path.join(enc_home, "config.json"), "w") as f:
            json.dump(doc, f)
        change = peak_mib([tool, "s3-sync"], enc_env)
        print(f"| encrypted s3-sync, {mode} | no-op: {noop:.0f} MiB | one change: {change:.0f} MiB |")

    if original:
        header("No-op sync against the original Node tool")
        res = interleaved([([tool, "s3-sync"], None), ([original, "s3", "sync"], None)], runs)
        row("s3-sync (nothing changed)", res[0], res[1], "original: s3 sync", [tool, "s3-sync"], [original, "s3", "sync"])
    else:
        print("\n(the original Node tool is not installed: its comparison row is left out)")

    # A start whose remote check is due and meets a service that accepts and never answers.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)
    held = []
    threading.Thread(target=lambda: [held.append(silent.accept()) for _ in iter(int, 1)], daemon=True).start()
    down_home = os.path.join(work, "home-down")
    os.makedirs(down_home)
    with open(os.path.join(home, "config.json")) as f:
        doc = json.load(f)
    doc["settings"]["s3Sync"]["endpointUrl"] = f"http://127.0.0.1:{silent.getsockname()[1]}"
    doc["settings"]["s3Sync"]["remoteConfigCheckIntervalMinutes"] = 0   # every start checks
    with open(os.path.join(down_home, "config.json"), "w") as f:
        json.dump(doc, f)
    down = env_with(START_CLAUDE_HOME=down_home)
    res = interleaved([([tool, "work"], None), ([tool, "work"], down)], max(3, runs // 3))
    print(f"\nA start whose remote check is due and the service never answers: {res[1][0]*1000:.0f} ms, "
          f"{(res[1][0]-res[0][0])*1000:+.0f} ms against a start with no check due ({res[0][0]*1000:.0f} ms)")

if not scale:
    sys.exit(0)

# Document size: each size gets a home and an object of its own.
def configs(count):
    # About 400 bytes a config, as the issue's 5,000 configs = 2 MB and 10,400 = 4.17 MB.
    return [{"name": f"cfg-{i:05d}", "id": str(uuid.UUID(int=i + 1)), "profileType": "default",
             "apiKey": f"sk-ant-api03-{i:08d}-{'x' * 18}-c3Fz", "baseUrl": f"https://gateway-{i % 50}.example.com/v1",
             "model": "claude-opus-4", "permissionMode": "acceptEdits",
             "customHeaders": f"X-Team: team-{i % 17}", "order": i, "isDefault": i == 0} for i in range(count)]

def sized_home(count):
    folder = os.path.join(work, f"home-{count}")
    env = env_with(START_CLAUDE_HOME=folder)
    subprocess.run([tool, "s3-setup", "--provider", "s3-compatible", "--bucket", "bench-bucket", "--access-key-id", "bench-key",
                    "--endpoint-url", endpoint, "--key", f"size-{count}.json", "--no-encrypt"], env=env, check=True, stdout=subprocess.DEVNULL)
    path = os.path.join(folder, "config.json")
    with open(path) as f:
        doc = json.load(f)
    doc["configs"] = configs(count)
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
    subprocess.run([tool, "s3-sync"], env=env, check=True, stdout=subprocess.DEVNULL)
    return folder, env, os.path.getsize(path)

# The first size is what the others are compared with (issue 22 asks for 1 and 10,000).
sizes = [int(n) for n in os.environ.get("BENCH_SIZES", "1 5000 10000 10400").split()]
homes = {n: sized_home(n) for n in sizes}
print(f"\nDocument size: medians of {scale_runs} interleaved runs (load average {os.getloadavg()[0]:.1f}); "
      f"\"vs {sizes[0]}\" is wall / cpu against {sizes[0]} config(s) in the same run")
print(f"{'configs':>8} {'MB':>6}   {'s3-download -f':>16} {'vs ' + str(sizes[0]):>11} {'MiB':>6}   "
      f"{'s3-sync, one change':>20} {'cpu ms':>7} {'vs ' + str(sizes[0]):>13} {'MiB':>6}")
flip = {n: 0 for n in sizes}
def change_one(i):
    # Before each timed sync: one config changed here, so the sync uploads a one-config change.
    n = sizes[i % len(sizes)]
    path = os.path.join(homes[n][0], "config.json")
    with open(path) as f:
        doc = json.load(f)
    flip[n] += 1
    doc["configs"][len(doc["configs"]) // 2]["model"] = f"claude-opus-4-{flip[n]}"
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
def empty_here(i):
    # Before each timed download: this machine holds no configs (a new device joining), so the
    # download brings the whole document; its sync settings stay.
    n = sizes[i]
    path = os.path.join(homes[n][0], "config.json")
    with open(path) as f:
        doc = json.load(f)
    doc["configs"] = []
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
downloads = interleaved([([tool, "s3-download", "-f"], homes[n][1]) for n in sizes], scale_runs, before=empty_here)
syncs = interleaved([([tool, "s3-sync"], homes[n][1]) for n in sizes], scale_runs, before=change_one)
for n, (dwall, _), (swall, scpu) in zip(sizes, downloads, syncs):
    change_one(sizes.index(n))
    smem = peak_mib([tool, "s3-sync"], homes[n][1])
    empty_here(sizes.index(n))
    dmem = peak_mib([tool, "s3-download", "-f"], homes[n][1])
    ratio = f"{swall/syncs[0][0]:.2f}x / {scpu/syncs[0][1]:.2f}x"
    print(f"{n:>8} {homes[n][2] / 1e6:6.2f}   {dwall*1000:13.0f} ms {dwall/downloads[0][0]:10.1f}x {dmem:6.0f}   "
          f"{swall*1000:17.0f} ms {scpu*1000:7.0f} {ratio:>13} {smem:6.0f}")
PY
