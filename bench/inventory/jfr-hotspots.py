#!/usr/bin/env python3
"""Summarises CPU samples of a Java Flight Recording: where Drover's threads spend their time.

  jfr-hotspots.py drover.jfr [N [EVENT]]     EVENT: jdk.ExecutionSample (default, CPU) or jdk.NativeMethodSample

Prints, for the CPU samples (jdk.ExecutionSample) of each thread group (main, inventory-*, host-reader, other),
the N most frequent "phases" (the innermost io.drover / Spring Batch / JDBC frame that names what the thread was
doing) and the N most frequent top frames.
"""
import collections
import json
import re
import subprocess
import sys

jfr, top_n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
kind = sys.argv[3] if len(sys.argv) > 3 else "jdk.ExecutionSample"
data = json.loads(subprocess.run(["jfr", "print", "--json", "--events", kind, jfr],
                                 check=True, capture_output=True, text=True).stdout)
events = data["recording"]["events"]

PHASES = [  # first match, innermost frame first
    ("store: facts -> JSON (Jackson serialise)", r"io\.drover\.store\.SnapshotStore\.lambda\$saveCollected.*|tools\.jackson\.(databind\.ser|core\.json\.Writer).*"),
    ("store: load snapshot, JSON -> model (Jackson deserialise)", r"io\.drover\.store\.SnapshotStore\.(hosts|load|lambda\$hosts).*|tools\.jackson\.(databind\.deser|core\.json\.Reader).*"),
    ("store: PostgreSQL JDBC", r"org\.postgresql\..*"),
    ("XML parsing (xerces + DOM build)", r"io\.drover\.libvirt\.xml\.XmlDocument.*|com\.sun\.org\.apache\.xerces\..*"),
    ("XML -> model (parsers)", r"io\.drover\.libvirt\.xml\..*"),
    ("libvirt native (JNA)", r"(com\.sun\.jna|org\.libvirt)\..*"),
    ("inventory assembly", r"io\.drover\.inventory\..*"),
    ("Spring Batch repository", r"org\.springframework\.batch\.core\.repository\..*"),
    ("Spring Batch other", r"org\.springframework\.batch\..*"),
    ("Spring context / start-up", r"org\.springframework\.(context|beans|boot)\..*"),
    ("Flyway", r"org\.flywaydb\..*"),
]


def group(thread):
    name = (thread or {}).get("javaName") or (thread or {}).get("osName") or "?"
    return re.sub(r"-\d+$", "-*", name)


def frame_name(f):
    m = f["method"]
    return (m["type"]["name"] + "." + m["name"]).replace("/", ".")


by_group = collections.defaultdict(lambda: (collections.Counter(), collections.Counter()))
totals = collections.Counter()
for e in events:
    v = e["values"]
    frames = [frame_name(f) for f in (v.get("stackTrace") or {}).get("frames", [])]
    g = group(v.get("sampledThread"))
    totals[g] += 1
    phases, tops = by_group[g]
    tops[frames[0] if frames else "?"] += 1
    phase = "other"
    for label, pattern in PHASES:
        if any(re.fullmatch(pattern, f) for f in frames):
            phase = label
            break
    phases[phase] += 1

print("%s samples: %d" % (kind, sum(totals.values())))
for g, n in totals.most_common():
    phases, tops = by_group[g]
    print("\n== thread %s: %d samples (%.0f%%)" % (g, n, 100.0 * n / sum(totals.values())))
    for phase, c in phases.most_common(top_n):
        print("  %5.1f%%  %s" % (100.0 * c / n, phase))
    print("  top frames:")
    for f, c in tops.most_common(min(top_n, 8)):
        print("  %5.1f%%  %s" % (100.0 * c / n, f))
