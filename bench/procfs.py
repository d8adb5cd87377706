"""CPU a process has spent, from Linux's /proc (benchmarks only): less sensitive to a busy machine than wall time."""

from __future__ import annotations

import os

_TICK = os.sysconf("SC_CLK_TCK")


def stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (None when the process is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def cpu_seconds(pid: int) -> tuple[float, float]:
    """utime and stime of the process, in seconds (fields 14 and 15 of /proc/<pid>/stat); 0 when it is gone."""
    fields = stat_fields(pid)
    if fields is None:
        return 0.0, 0.0
    return int(fields[11]) / _TICK, int(fields[12]) / _TICK


def tree_cpu(root: int) -> float:
    """utime + stime (s) of a process and all its descendants (a server's workers)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := stat_fields(int(entry))) is not None:
            parents[int(entry)] = int(fields[1])
    members = {root}
    while found := {pid for pid, ppid in parents.items() if ppid in members} - members:
        members |= found
    return sum(sum(cpu_seconds(pid)) for pid in members)
