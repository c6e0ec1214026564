#!/usr/bin/env python3
"""CPU seconds of one Drover run, by thread group and for the embedded PostgreSQL, sampled from /proc.

    bench/inventory/cpu-by-thread.py OUT.json -- java ... inventory FLEET

Runs the command and samples, every 0.2 s until it exits, the CPU time (user + system) of each of its threads and of
the PostgreSQL server on a data directory under $DROVER_HOME (the postmaster that pg_ctl detaches and its children;
backends exit before Drover does: each keeps its last sample). Prints seconds per group: host-reader (libvirt
and XML parsing), inventory-* (Batch steps, snapshot writes), main, C1/C2 compiler, GC, other JVM threads, and
PostgreSQL. On a shared machine the groups' ratios move less than their absolute values: host-reader is the same work
in every variant of Drover's own side, so it serves as the yardstick.
"""
import json
import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def cpu_of(stat_path):
    with open(stat_path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14 and 15)


def group(comm):
    comm = comm.strip()
    for name, pattern in (("host-reader", r"host-reader"), ("inventory-*", r"inventory-\d+"), ("main", r"java"),
                          ("compiler", r"C[12] CompilerThre"), ("gc", r"GC Thread|G1 ")):
        if re.fullmatch(pattern + ".*", comm):
            return name
    return "other JVM"


def postgres_of(home):
    """The postmaster whose command line names a data directory under home, and its children (the backends, the
    checkpointer, the WAL writer, ...)."""
    parents = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read()
            with open(f"/proc/{pid}/stat") as f:
                ppid = f.read().rsplit(")", 1)[1].split()[1]
            parents[pid] = (ppid, cmdline)
        except OSError:
            pass
    postmasters = {pid for pid, (_, cmdline) in parents.items()
                   if cmdline.split(b"\0")[0].endswith(b"/postgres") and home.encode() in cmdline}
    return [pid for pid, (ppid, _) in parents.items() if pid in postmasters or ppid in postmasters]


def main():
    out, command = sys.argv[1], sys.argv[3:]
    home = os.environ["DROVER_HOME"]
    started = time.time()
    process = subprocess.Popen(command)
    threads, postgres = {}, {}
    while process.poll() is None:
        try:
            for tid in os.listdir(f"/proc/{process.pid}/task"):
                with open(f"/proc/{process.pid}/task/{tid}/comm") as f:
                    threads[tid] = (group(f.read()), cpu_of(f"/proc/{process.pid}/task/{tid}/stat"))
        except OSError:
            pass
        for pid in postgres_of(home):
            try:
                postgres[pid] = cpu_of(f"/proc/{pid}/stat")
            except OSError:
                pass
        time.sleep(0.2)
    result = {"exit": process.returncode, "wall": round(time.time() - started, 1)}
    for name, seconds in threads.values():
        result[name] = round(result.get(name, 0) + seconds, 2)
    result["postgres"] = round(sum(postgres.values()), 2)
    with open(out, "w") as f:
        json.dump(result, f)
    print(json.dumps(result))
    sys.exit(process.returncode)


main()
