"""Several server processes on one port, each with a listening socket of its own (Linux `SO_REUSEPORT`).

uvicorn's own `--workers` shares one listening socket among the processes. A process that wakes up accepts every
connection waiting, so clients that connect together and keep their connections alive (call-center software,
a partner's feed jobs, a reverse proxy's upstream pool) can all land on one process: the bench saw 8 of 8 and
22 of 32 on one of two, which left the other process, and half the machine, idle. With a socket per process
the kernel spreads connections over the processes by their addresses, each connection staying where it landed.

The supervisor starts the processes, restarts one that dies, and passes SIGINT/SIGTERM on (each process then
finishes its requests and stops, as uvicorn does). Where `SO_REUSEPORT` is missing, `crm serve` keeps uvicorn's
shared socket.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import socket
import sys
import time
from typing import Any

log = logging.getLogger("bank_crm.serve")

APP = "api.app:create_app"
STOP_GRACE_S = 30.0
RESTART_PAUSE_S = 1.0


class StartupFailed(RuntimeError):
    pass


def supported() -> bool:
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int, *, shared: bool = True) -> socket.socket:
    """A listening TCP socket; `shared`: other processes of this user may bind the same address too."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    return sock


def _worker(host: str, port: int, options: dict[str, Any], ready: Any) -> None:
    """One server process: its own socket on the shared port, then uvicorn until told to stop. `ready` is set
    once the application has started (a process that exits before that failed to start)."""
    import uvicorn

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=sockets)
            if not self.should_exit:
                ready.set()

    sock = listening_socket(host, port)
    Server(uvicorn.Config(APP, factory=True, **options)).run(sockets=[sock])


def serve(host: str, port: int, workers: int, options: dict[str, Any]) -> int:
    """Run `workers` server processes until SIGINT/SIGTERM; the exit status."""
    context = multiprocessing.get_context("spawn")
    stopping = False

    readiness: dict[int | None, Any] = {}

    def start() -> multiprocessing.process.BaseProcess:
        ready = context.Event()
        process = context.Process(target=_worker, args=(host, port, options, ready), name="crm-serve")
        process.start()
        readiness[process.pid] = ready
        return process

    def on_signal(signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True

    # A port anybody listens on already (another `crm serve` too) is refused here, as uvicorn would refuse it;
    # the probe is not shared, so it cannot join a running server's sockets.
    listening_socket(host, port, shared=False).close()
    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    processes = [start() for _ in range(workers)]
    print(f"serving on {host}:{port}: {workers} processes, a listening socket each", file=sys.stderr, flush=True)
    try:
        while not stopping:
            multiprocessing.connection.wait([p.sentinel for p in processes], timeout=0.5)
            for i, process in enumerate(processes):
                if process.is_alive() or stopping:
                    continue
                if not readiness.pop(process.pid).is_set():
                    raise StartupFailed(f"a server process exited with {process.exitcode} while starting")
                log.warning("server process %s exited with %s; starting another", process.pid, process.exitcode)
                time.sleep(RESTART_PAUSE_S)
                processes[i] = start()
    finally:
        for process in processes:
            if process.is_alive() and process.pid is not None:
                os.kill(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_S
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
