#!/usr/bin/env python3
"""Runs the real `age` with a pseudo-terminal, typing PASSPHRASE at each passphrase prompt.

age reads passphrases from the terminal only (never stdin or the environment), so the tests that
prove interop drive it as a person would.  Usage: age_pty.py PASSPHRASE age-arguments...
Exits with age's exit status; age's terminal output goes to stderr.
"""
import os
import pty
import select
import sys
import time

passphrase, args = sys.argv[1].encode(), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp("age", ["age", *args])

seen, answered, deadline = b"", 0, time.monotonic() + 60
while time.monotonic() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        sys.stderr.buffer.write(chunk)
    # One answer per prompt: "Enter passphrase...:", "Confirm passphrase:".
    if seen.lower().count(b"passphrase") > answered and seen.rstrip().endswith(b":"):
        os.write(fd, passphrase + b"\n")
        answered = seen.lower().count(b"passphrase")
    finished, status = os.waitpid(pid, os.WNOHANG)
    if finished:
        sys.exit(os.waitstatus_to_exitcode(status))
else:
    os.kill(pid, 9)
    sys.exit("age did not finish within 60 s")
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
