#!/usr/bin/env bash
# Inventory benchmark: generates a fleet of HOSTS x DOMAINS in two forms (virsh dump directory, test:/// node files),
# runs `drover inventory` on each (fresh embedded PostgreSQL each time), checks the summary and the stored snapshot,
# then times the script SREs use today (a loop of `virsh dumpxml`) over the same test:/// domains.
#
#   bench/inventory/run.sh [--hosts N] [--domains M] [--out DIR] [--sample-hosts K] [--forms "dumps testdriver"]
#                          [--no-baseline] [--keep] [--jar JAR] [--scheduled]
# --jar benchmarks a given drover.jar instead of building target/drover.jar through bin/drover.
# --scheduled also runs each form a second time on the same database, as a scheduled inventory does: no initdb, no
# schema migrations, the previous snapshot already stored.
#
# Results: DIR/results.txt (also printed). DIR defaults to bench/out/inventory (gitignored).
# Environment passed through to Drover: DROVER_INVENTORY_CONCURRENCY (Spring relaxed binding of
# drover.inventory.concurrency), BENCH_XMX (default 1g). BENCH_JFR=1 also records a Java Flight Recording per run
# (DIR/run-FORM/drover.jfr; summarise it with bench/inventory/jfr-hotspots.py).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
hosts=1000
domains=30
out="$root/bench/out/inventory"
sample_hosts=100
forms="dumps testdriver"
baseline=1
keep=0
jar=""
scheduled=0
xmx="${BENCH_XMX:-1g}"
while [ $# -gt 0 ]; do
    case "$1" in
        --hosts) hosts="$2"; shift 2 ;;
        --domains) domains="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --sample-hosts) sample_hosts="$2"; shift 2 ;;
        --forms) forms="$2"; shift 2 ;;
        --no-baseline) baseline=0; shift ;;
        --keep) keep=1; shift ;;
        --jar) jar="$2"; shift 2 ;;
        --scheduled) scheduled=1; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"
results="$out/results.txt"
: > "$results"
say() { echo "$*" | tee -a "$results"; }
now() { date +%s.%N; }
secs() { python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$2"; }
fail=0

say "# Drover inventory benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src pom.xml db || echo ' (+ uncommitted changes in src/pom.xml/db)')"
say "fleet: $hosts hosts x $domains domains = $((hosts * domains)) guests; JVM -Xmx$xmx; concurrency ${DROVER_INVENTORY_CONCURRENCY:-default (8)}"

# A fleet kept by --keep is reused when it was generated for the same size by the same generator and templates:
# regenerating rewrites every file, which also breaks an inventory reading them at that moment.
fleet_stamp="$hosts x $domains, $(cat "$root/bench/inventory/generate.py" "$root"/src/test/resources/libvirt/* | sha1sum | cut -c1-12)"
if [ "$(cat "$out/fleet/generated" 2>/dev/null)" = "$fleet_stamp" ]; then
    say "fleet: reusing $out/fleet (generated for $fleet_stamp)"
else
    t0=$(now)
    rm -rf "$out/fleet"
    python3 "$root/bench/inventory/generate.py" --hosts "$hosts" --domains "$domains" --out "$out/fleet"
    echo "$fleet_stamp" >"$out/fleet/generated"
    say "generated in $(secs "$t0" "$(now)") s: $out/fleet/dumps ($(du -sh "$out/fleet/dumps" | cut -f1)), $out/fleet/testdriver ($(du -sh "$out/fleet/testdriver" | cut -f1))"
fi

# Build once, then run that build as bin/drover runs it (same JVM options: extracted jar, CDS archive, C1 for the
# inventory), pinned with DROVER_NO_BUILD so that an edit to src/ during the benchmark does not rebuild it midway.
# --jar benchmarks a given jar with plain `java -jar` instead.
if [ -z "$jar" ]; then
    if ! "$root/bin/drover" --version >"$out/build.log" 2>&1; then
        [ -e "$root/target/run/drover.jar" ] || { cat "$out/build.log" >&2; exit 1; }
        say "WARNING: building failed (see $out/build.log); benchmarking the existing build"
    fi
    build_dir="$(readlink -f "$root/target/run")"
    say "build: $build_dir (CDS archive: $([ -f "$build_dir/drover.jsa" ] && echo yes || echo no)), run through bin/drover"
    drover=(env DROVER_NO_BUILD=1 "$root/bin/drover")
else
    cp "$jar" "$out/drover.jar.tmp" && mv "$out/drover.jar.tmp" "$out/drover.jar"
    say "jar: $jar ($(date -u -r "$out/drover.jar" +%Y-%m-%dT%H:%M:%SZ), sha1 $(sha1sum "$out/drover.jar" | cut -c1-12))"
    drover=(sh -c 'exec java $DROVER_JAVA_OPTS -jar "$0" "$@"' "$out/drover.jar")
fi

# Starts the embedded PostgreSQL's own binary on the data directory Drover left behind (PostgreSQL refuses root, so
# in a user namespace as Drover's embedded PostgreSQL does) and prints: the last snapshot's status, OK hosts, guests,
# and the last job's step times from Spring Batch's tables.
query_store() {
    local pgdata="$1" port=$((20000 + RANDOM % 20000)) pid sql pgbin
    pgbin="$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1)"
    [ -n "$pgbin" ] || { echo "no embedded PostgreSQL binaries under /tmp/embedded-pg"; return; }
    sql="with job as (select * from batch_job_execution order by job_execution_id desc limit 1),
        step as (select * from batch_step_execution where job_execution_id = (select job_execution_id from job))
        select s.status,
        (select count(*) from snapshot_host h where h.snapshot_id = s.id and h.status = 'OK'),
        (select count(*) from snapshot_guest g where g.snapshot_id = s.id),
        (select to_char(extract(epoch from end_time - start_time), 'FM999990.0') from job),
        (select string_agg(step_name || '=' || to_char(extract(epoch from end_time - start_time), 'FM999990.0'), ' '
                order by step_execution_id) from step where step_name not like 'collectHost:%'),
        (select to_char(percentile_cont(0.5) within group (order by extract(epoch from end_time - start_time)), 'FM990.000')
                || '/' || to_char(max(extract(epoch from end_time - start_time)), 'FM990.000')
                from step where step_name like 'collectHost:%'),
        pg_size_pretty(pg_database_size(current_database())),
        (select extract(epoch from start_time) || '/' || extract(epoch from end_time) from job)
        from inventory_snapshot s order by s.id desc limit 1"
    if [ "$(id -u)" -eq 0 ]; then
        unshare -U "$pgbin/postgres" -D "$pgdata" -p "$port" -c listen_addresses=localhost >"$pgdata/../verify.log" 2>&1 &
    else
        "$pgbin/postgres" -D "$pgdata" -p "$port" -c listen_addresses=localhost >"$pgdata/../verify.log" 2>&1 &
    fi
    pid=$!
    for _ in $(seq 1 50); do
        psql -h localhost -p "$port" -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1 && break
        sleep 0.2
    done
    psql -h localhost -p "$port" -U postgres -d postgres -AtF '|' -c "$sql" || echo "query failed"
    kill -INT "$pid"; wait "$pid" 2>/dev/null || true
}

# Peak heap from the GC log: largest occupancy before a collection, largest after one (live set), largest committed.
heap_from_gc_log() {
    python3 - "$1" <<'EOF'
import re, sys
before = after = committed = 0
for line in open(sys.argv[1]):
    m = re.search(r"Pause .* (\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        b, a, c = map(int, m.groups())
        before, after, committed = max(before, b), max(after, a), max(committed, c)
print("%d %d %d" % (before, after, committed))
EOF
}

# run_drover FORM FLEET [scheduled]: the inventory on a fresh DROVER_HOME, or again on the one the last run left
run_drover() {
    local form="$1" fleet="$2" home="$out/run-$1/home" dir="$out/run-$1" label="$1 form"
    if [ "${3:-}" = scheduled ]; then
        dir="$out/run-$1/scheduled"; label="$1 form, scheduled run (same database, previous snapshot stored)"
        form="${form}_scheduled"
    fi
    rm -rf "$dir"; mkdir -p "$dir"
    local start end rc summary
    start=$(now)
    set +e
    DROVER_HOME="$home" DROVER_JAVA_OPTS="-Xmx$xmx -Xlog:gc:file=$dir/gc.log ${BENCH_JFR:+-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=$dir/drover.jfr,settings=profile}" \
        perf stat -x, -e task-clock -o "$dir/perf.txt" -- \
        /usr/bin/time -v -o "$dir/time.txt" "${drover[@]}" inventory "$fleet" >"$dir/stdout.txt" 2>"$dir/stderr.txt"
    rc=$?
    set -e
    end=$(now)
    summary="$(grep -m1 '^Snapshot ' "$dir/stdout.txt" || true)"
    local collected ok guests total_hosts
    collected="$(sed -n 's/.*collected in \([0-9.]*\) s.*/\1/p' <<<"$summary")"
    total_hosts="$(sed -n 's/.*: \([0-9]*\) hosts (.*/\1/p' <<<"$summary")"
    ok="$(sed -n 's/.* hosts (\([0-9]*\) ok.*/\1/p' <<<"$summary")"
    guests="$(sed -n 's/.* \([0-9]*\) guests,.*/\1/p' <<<"$summary")"
    read -r heap_before heap_after heap_committed < <(heap_from_gc_log "$dir/gc.log")
    local rss_mib gcs
    rss_mib=$(awk '/Maximum resident/ {printf "%d", $6/1024}' "$dir/time.txt")
    gcs=$(grep -c 'Pause' "$dir/gc.log" || true)
    # CPU: time -v counts the JVM and the children it waits for (initdb, pg_ctl); perf stat counts every process below
    # it, so the difference is the PostgreSQL server that pg_ctl detaches (postmaster, backends, checkpointer, ...).
    local cpu_jvm cpu_all cpu
    cpu_jvm=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$dir/time.txt")
    cpu_all=$(awk -F, '/task-clock/ {printf "%.1f", $1 / 1000}' "$dir/perf.txt" 2>/dev/null)
    cpu="JVM (+ initdb) ${cpu_jvm} s, PostgreSQL server ${cpu_all:+$(python3 -c "print('%.1f' % ($cpu_all - $cpu_jvm))")} s, all ${cpu_all:-?} s"
    local store="(not checked)"
    [ -f "$home/pgdata/PG_VERSION" ] && store="$(query_store "$home/pgdata")"
    local st_status st_ok st_guests st_job st_steps st_host st_size st_epochs phases="?"
    IFS='|' read -r st_status st_ok st_guests st_job st_steps st_host st_size st_epochs <<<"$store"
    if [ -n "$st_epochs" ]; then
        phases="$(python3 -c "import sys; s,e=map(float,sys.argv[3].split('/')); t0,t1=float(sys.argv[1]),float(sys.argv[2]); print('start-up %.1f s, job %.1f s, after job (load snapshot, print, stop) %.1f s' % (s-t0, e-s, t1-e))" "$start" "$end" "$st_epochs")"
    fi
    local verdict=OK
    [ "$rc" -eq 0 ] || verdict="FAIL(exit $rc)"
    [ "$total_hosts" = "$hosts" ] && [ "$ok" = "$hosts" ] && [ "$guests" = "$((hosts * domains))" ] || verdict="FAIL(summary: ${summary:-none})"
    [ "$st_status" = COMPLETE ] && [ "$st_ok" = "$hosts" ] && [ "$st_guests" = "$((hosts * domains))" ] || verdict="FAIL(store: $store)"
    [ "$verdict" = OK ] || fail=1
    eval "wall_$form=$(secs "$start" "$end")"
    local wall_var="wall_$form"
    say ""
    say "## drover inventory, $label: $verdict"
    say "  summary:        ${summary:-<none; see $dir/stderr.txt>}"
    say "  wall (total):   ${!wall_var} s   (JVM + Spring + embedded PostgreSQL start, job, snapshot load, print, stop)"
    say "  phases:         $phases"
    say "  collected in:   ${collected:-?} s   (snapshot open -> sealed, as the summary prints it)"
    say "  CPU:            $cpu; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
    say "  batch job:      ${st_job:-?} s   steps: ${st_steps:-?}; per-host step median/max: ${st_host:-?} s"
    say "  heap:           peak used ${heap_before} MiB (before GC), max live ${heap_after} MiB (after GC), max committed ${heap_committed} MiB, ${gcs} GC pauses; max RSS ${rss_mib} MiB"
    say "  store check:    snapshot ${st_status:-?}, ${st_ok:-?} OK hosts, ${st_guests:-?} guests in snapshot_guest; database ${st_size:-?}"
    local target="met"
    python3 -c "import sys; sys.exit(0 if float('${!wall_var}') < 20 else 1)" || target="MISSED"
    say "  target <20 s wall: $target;  <1 GiB heap: $([ "$rc" -eq 0 ] && [ "$heap_committed" -le 1024 ] && echo met || echo MISSED)"
    if [ -n "${BENCH_JFR:-}" ] && [ -f "$dir/drover.jfr" ]; then
        python3 "$root/bench/inventory/jfr-hotspots.py" "$dir/drover.jfr" >"$dir/hotspots.txt" 2>&1 || true
        say "  profile:        $dir/hotspots.txt"
    fi
    if [ "$rc" -ne 0 ]; then
        say "  stderr tail:"; tail -5 "$dir/stderr.txt" | sed 's/^/    /' | tee -a "$results"
    fi
}

for form in $forms; do
    case "$form" in
        dumps) fleet="$out/fleet/dumps" ;;
        testdriver) fleet="$out/fleet/testdriver/fleet.yaml" ;;
        *) echo "run.sh: unknown form $form" >&2; exit 2 ;;
    esac
    run_drover "$form" "$fleet"
    [ "$scheduled" -eq 0 ] || run_drover "$form" "$fleet" scheduled
done

if [ "$baseline" -eq 1 ]; then
    bdir="$out/baseline"
    rm -rf "$bdir"; mkdir -p "$bdir"
    # One call first, to decide between the full loop and a sample.
    node0="$out/fleet/testdriver/node-0000.xml"
    t=$(now)
    for _ in 1 2 3 4 5 6 7 8 9 10; do virsh -c "test://$node0" dumpxml vm-0000-00 >/dev/null; done
    per_call=$(python3 -c "import sys; print('%.4f' % ((float(sys.argv[2]) - float(sys.argv[1])) / 10))" "$t" "$(now)")
    estimate=$(python3 -c "print('%.0f' % ($per_call * $hosts * ($domains + 1)))")
    if [ "$estimate" -gt 600 ] && [ "$sample_hosts" -lt "$hosts" ]; then
        n=$sample_hosts
        note="SAMPLED: $n of $hosts hosts (every $((hosts / n))th), times extrapolated linearly x$hosts/$n"
    else
        n=$hosts
        note="full fleet, no extrapolation"
    fi
    sample=()
    for i in $(seq 0 $((n - 1))); do sample+=("$(printf '%s/fleet/testdriver/node-%04d.xml' "$out" $((i * hosts / n)))"); done

    # What a typical SRE script does: per host, list the domains, then dumpxml each one, one after the other.
    t=$(now)
    for node in "${sample[@]}"; do
        h="$(basename "$node" .xml)"; mkdir -p "$bdir/serial/$h"
        for dom in $(virsh -c "test://$node" list --all --name); do
            virsh -c "test://$node" dumpxml "$dom" >"$bdir/serial/$h/$dom.xml"
        done
    done
    serial=$(secs "$t" "$(now)")
    serial_files=$(find "$bdir/serial" -name '*.xml' | wc -l)

    # The parallel variant: the same calls through xargs -P 8.
    mkdir -p "$bdir/parallel"
    t=$(now)
    for node in "${sample[@]}"; do
        for dom in $(virsh -c "test://$node" list --all --name); do printf '%s %s\n' "$node" "$dom"; done
    done | xargs -P 8 -n 2 sh -c 'virsh -c "test://$1" dumpxml "$2" >"$0/$2.xml"' "$bdir/parallel"
    parallel=$(secs "$t" "$(now)")
    parallel_files=$(find "$bdir/parallel" -name '*.xml' 2>/dev/null | wc -l)

    ext() { python3 -c "print('%.1f' % ($1 * $hosts / $n))"; }
    serial_full=$(ext "$serial"); parallel_full=$(ext "$parallel")
    say ""
    say "## baseline: virsh -c test:///…/node-N.xml dumpxml DOMAIN, per domain ($note)"
    say "  one dumpxml call: ${per_call} s (mean of 10); full-fleet estimate from it: ${estimate} s"
    say "  serial loop (list + dumpxml each): $serial s for $n hosts, $serial_files domains -> $serial_full s for $hosts hosts"
    say "  xargs -P 8:                        $parallel s for $n hosts, $parallel_files domains -> $parallel_full s for $hosts hosts"
    [ "$serial_files" -eq $((n * domains)) ] || say "  WARNING: serial loop dumped $serial_files domains, expected $((n * domains))"
    if [ -n "${wall_testdriver:-}" ]; then
        ratio() { python3 -c "print('%.1f' % ($1 / $2))"; }
        say "  ratio baseline / drover (test:/// form, total wall ${wall_testdriver} s): serial $(ratio "$serial_full" "$wall_testdriver")x, xargs -P 8 $(ratio "$parallel_full" "$wall_testdriver")x"
        say "  (the baseline only fetches XML; Drover also parses it, classifies disks, and stores everything in PostgreSQL)"
    fi
fi

say ""
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$keep" -eq 1 ] || rm -rf "$out/fleet" "$out"/run-*/home "$out/baseline"
exit $fail
