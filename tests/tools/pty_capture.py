#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal for a few seconds and prints every byte it wrote.

Used to see what a person's terminal receives (colors, cursor codes), which a pipe never shows.
Usage: pty_capture.py SECONDS command args...   The command is killed when the time is up.
"""
import os
import pty
import select
import signal
import sys
import time

seconds, command = float(sys.argv[1]), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
out, deadline = b"", time.monotonic() + seconds
while time.monotonic() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk: break
        out += chunk
os.kill(pid, signal.SIGKILL)
sys.stdout.buffer.write(out)
