#!/usr/bin/env python3
"""Writes a large ROADEF/EURO 2012 instance in the challenge format (a2 style, scaled up, like sets B/X) and a
feasible original assignment for it.

usage: generate.py MACHINES PROCESSES OUT_DIR [--seed N] [--services N]

The original assignment is built feasible by construction: every process goes to a machine with room for it on every
resource and no process of its service; spreadMin never exceeds the locations a service already spans; a dependency
sa -> sb is only declared when every neighbourhood holding sa already holds sb. Safety capacities sit below the
usage of the fuller machines, so load and balance costs leave room to improve.
"""
import argparse
import os
import random

RESOURCES = 12
TRANSIENT = {2, 3, 6, 10}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("machines", type=int)
    parser.add_argument("processes", type=int)
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--services", type=int, default=0, help="default: processes / 10")
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    machine_count, process_count = args.machines, args.processes
    service_count = args.services or max(1, process_count // 10)
    neighborhood_count = max(1, machine_count // 100)
    location_count = max(1, machine_count // 20)

    neighborhood = [m * neighborhood_count // machine_count for m in range(machine_count)]
    location = [m * location_count // machine_count for m in range(machine_count)]
    # machines: capacity about 1.4 x the average load, with +-40% spread between machine types
    per_machine = process_count / machine_count
    capacity = []
    for m in range(machine_count):
        size = rnd.uniform(0.6, 1.4)
        capacity.append([int(size * per_machine * 1.4 * 1000 * rnd.uniform(0.8, 1.2)) for _ in range(RESOURCES)])
    safety = [[int(c * rnd.uniform(0.6, 0.9)) for c in caps] for caps in capacity]

    # services: sizes 1..40 (a few big ones), processes assigned round-robin to services
    service_of = [p % service_count if p < service_count else rnd.randrange(service_count)
                  for p in range(process_count)]
    requirement = [[min(4000, max(1, int(rnd.expovariate(1 / 1000.0)))) for _ in range(RESOURCES)]
                   for _ in range(process_count)]

    usage = [[0] * RESOURCES for _ in range(machine_count)]
    on_machine = [set() for _ in range(machine_count)]
    assignment = [0] * process_count
    order = sorted(range(process_count), key=lambda p: -max(requirement[p]))
    for p in order:
        s = service_of[p]
        for attempt in range(10_000):
            m = rnd.randrange(machine_count)
            if s in on_machine[m]:
                continue
            if all(usage[m][r] + requirement[p][r] <= capacity[m][r] for r in range(RESOURCES)):
                break
        else:
            raise SystemExit("could not place process %d: lower the load" % p)
        assignment[p] = m
        on_machine[m].add(s)
        for r in range(RESOURCES):
            usage[m][r] += requirement[p][r]

    locations_of = [set() for _ in range(service_count)]
    neighborhoods_of = [set() for _ in range(service_count)]
    for p, m in enumerate(assignment):
        locations_of[service_of[p]].add(location[m])
        neighborhoods_of[service_of[p]].add(neighborhood[m])
    spread_min = [min(len(locations_of[s]), rnd.choice((0, 1, 1, 2, 3))) for s in range(service_count)]
    depends_on = [[] for _ in range(service_count)]
    dependency_total = 0
    for sa in range(service_count):
        if dependency_total >= 5000 or rnd.random() > 0.3:
            continue
        for sb in rnd.sample(range(service_count), min(20, service_count)):
            if sb != sa and neighborhoods_of[sa] <= neighborhoods_of[sb]:
                depends_on[sa].append(sb)
                dependency_total += 1
                break

    os.makedirs(args.out_dir, exist_ok=True)
    name = "g_%d_%d" % (machine_count, process_count)
    model_path = os.path.join(args.out_dir, "model_%s.txt" % name)
    with open(model_path, "w") as out:
        out.write("%d\n" % RESOURCES)
        for r in range(RESOURCES):
            out.write("%d %d\n" % (1 if r in TRANSIENT else 0, 10))
        out.write("%d\n" % machine_count)
        rows = {}
        for m in range(machine_count):
            row = rows.get(location[m])
            if row is None:
                row = " ".join(str(0 if location[m] == location[o] else 1 + abs(location[m] - location[o]) % 3)
                               for o in range(machine_count))
                rows[location[m]] = row
            out.write("%d %d %s %s %s\n" % (neighborhood[m], location[m], " ".join(map(str, capacity[m])),
                                            " ".join(map(str, safety[m])), row))
        out.write("%d\n" % service_count)
        for s in range(service_count):
            out.write("%d %d%s\n" % (spread_min[s], len(depends_on[s]),
                                     "".join(" %d" % d for d in depends_on[s])))
        out.write("%d\n" % process_count)
        for p in range(process_count):
            out.write("%d %s %d\n" % (service_of[p], " ".join(map(str, requirement[p])), rnd.choice((1, 1, 10, 100))))
        out.write("2\n0 1 1 10\n4 5 2 10\n")
        out.write("1\n10\n100\n")
    with open(os.path.join(args.out_dir, "assignment_%s.txt" % name), "w") as out:
        out.write(" ".join(map(str, assignment)) + "\n")
    print(model_path)


if __name__ == "__main__":
    main()
