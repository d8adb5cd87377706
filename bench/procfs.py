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


def command_cpu(name: str) -> float:
    """utime + stime (s) of every live process whose command name is `name` (PostgreSQL's backends: "postgres").

    A process that has exited is not counted any more, so compare two readings only across a span in which the
    processes of interest stay alive (a server's pooled connections do)."""
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                text = f.read()
        except OSError:
            continue
        if text[text.index("(") + 1 : text.rindex(")")] != name:
            continue
        fields = text.rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / _TICK
    return total


def machine_cpu() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine since boot, summed over its cores, from /proc/stat."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    everything = sum(values[:8])  # guest time is already inside user
    return (everything - idle) / _TICK, everything / _TICK
