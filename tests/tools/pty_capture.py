#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal for a few seconds and prints every byte it wrote.

Used to see what a person's terminal receives (colors, cursor codes), which a pipe never shows.
Usage: pty_capture.py SECONDS command args...   The command is killed when the time is up.
"""
import sys

from pty_session import run

output, _ = run(sys.argv[2:], float(sys.argv[1]))
sys.stdout.buffer.write(output)
