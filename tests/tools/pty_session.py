"""One program run on a pseudo-terminal, as a person's terminal would run it (shared by the test tools)."""
import os
import pty
import select
import signal
import time


def run(command, seconds, answer=None):
    """Runs COMMAND on a pty for at most SECONDS, returning (everything it wrote, its exit code).

    ANSWER, when given, sees all output so far after each read and returns bytes to type, or None.
    The exit code is None when the time ran out and the program was killed.
    """
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    seen, deadline = b"", time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            reply = answer(seen) if answer else None
            if reply:
                os.write(fd, reply)
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished:
            return seen, os.waitstatus_to_exitcode(status)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return seen, None
    _, status = os.waitpid(pid, 0)
    return seen, os.waitstatus_to_exitcode(status)
