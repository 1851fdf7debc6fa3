#!/usr/bin/env python3
"""Runs the real `age` with a pseudo-terminal, typing PASSPHRASE at each passphrase prompt.

age reads passphrases from the terminal only (never stdin or the environment), so the tests that
prove interop drive it as a person would.  Usage: age_pty.py PASSPHRASE age-arguments...
Exits with age's exit status; age's terminal output goes to stderr.
"""
import sys

from pty_session import run

passphrase, args = sys.argv[1].encode(), sys.argv[2:]
answered = 0


def answer(seen):
    # One answer per prompt: "Enter passphrase...:", "Confirm passphrase:".
    global answered
    prompts = seen.lower().count(b"passphrase")
    if prompts > answered and seen.rstrip().endswith(b":"):
        answered = prompts
        return passphrase + b"\n"
    return None


output, code = run(["age", *args], 60, answer)
sys.stderr.buffer.write(output)
sys.exit("age did not finish within 60 s" if code is None else code)
