#!/usr/bin/env bash
# drover apply against a plain virsh loop on the lab fleet (bench/apply/README.md). Each round, in the same run:
#   1. Drover: inventory, plan a drain of lab-host1 (lab-shared live, lab-local with --copy-storage-all; both at
#      once: --max-outbound 2 --max-concurrent 2), `drover apply --dry-run` (JVM, Spring, PostgreSQL, pre-flight
#      inventory: the fixed cost), then `drover apply` (timed); the guests are then moved back with virsh (untimed).
#   2. The loop: the same two migrations with `virsh migrate --live --p2p --persistent --undefinesource` (plus
#      --copy-storage-all --migrate-disks vda for lab-local, after a pool-refresh as Drover does), both at once,
#      timed; each migration's downtime from `virsh domjobinfo --completed` on its destination; then moved back.
# Output: bench/out/apply/results-<stamp>.md and the raw logs beside it. Needs root; brings the lab up if it is down
# (and down again at the end), leaves every guest where lab.sh put it.
#
#   bench/apply/run.sh            # 3 rounds;  ROUNDS=5 bench/apply/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-3}
OUT=bench/out/apply
STAMP=$(date -u +%Y%m%d-%H%M%S)
LOG=$OUT/run-$STAMP
mkdir -p "$LOG/plans"
export DROVER_HOME=$PWD/$OUT/home
export DROVER_LAB_DIR=${DROVER_LAB_DIR:-/var/tmp/drover-lab}
FLEET=$DROVER_LAB_DIR/fleet.yaml
BANDWIDTH=${BANDWIDTH:-1024}   # MiB/s, for both Drover (the plan's --bandwidth) and the loop

started_lab=
if [[ ! -f $DROVER_LAB_DIR/hosts ]]; then
    lab/lab.sh up >"$LOG/lab-up.log" 2>&1
    started_lab=1
fi
cleanup() { [[ -z $started_lab ]] || lab/lab.sh down >/dev/null 2>&1 || true; }
trap cleanup EXIT

uri() { echo "qemu+tcp://169.254.77.$1/system"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.2f", b - a}'; }
running_on() { # GUEST -> host index where it runs
    local i
    for i in 1 2 3; do
        [[ $(virsh -q -c "$(uri "$i")" domstate "$1" 2>/dev/null) == running ]] && echo "$i"
    done
    return 0
}
# migrate GUEST FROM TO: live p2p, block copy of vda for the local-disk guest
migrate() {
    local g=$1 from=$2 to=$3 extra=()
    if [[ $g == lab-local ]]; then
        virsh -q -c "$(uri "$to")" pool-refresh lab-images >/dev/null
        extra=(--copy-storage-all --migrate-disks vda)
    fi
    virsh -q -c "$(uri "$from")" migrate --live --p2p --persistent --undefinesource --bandwidth "$BANDWIDTH" \
        "${extra[@]}" "$g" "$(uri "$to")"
}
move_home() { # GUEST: back to lab-host1, removing the copied disk it leaves behind
    local g=$1 at
    at=$(running_on "$g")
    [[ $at == 1 ]] && return 0
    migrate "$g" "$at" 1
    [[ $g == lab-local ]] && virsh -q -c "$(uri "$at")" vol-delete --pool lab-images lab-local.qcow2 >/dev/null
    return 0
}
# completed GUEST HOST -> "elapsed_ms<TAB>downtime_ms" of the last completed migration, per the destination. Read
# once: libvirt discards completed job statistics once read (without --keep-completed).
completed() {
    virsh -c "$(uri "$2")" domjobinfo --completed "$1" | awk -F: '
        /^Time elapsed:/ {gsub(/[^0-9]/, "", $2); elapsed = $2}
        /^Total downtime:/ {gsub(/[^0-9]/, "", $2); downtime = $2}
        END {printf "%s\t%s", elapsed, downtime}'
}

# One build for the whole run, made outside the timings and pinned (DROVER_NO_BUILD): run as bin/drover runs it.
bin/drover --version >"$LOG/build.log" 2>&1
drover() { DROVER_NO_BUILD=1 bin/drover "$@"; }
RESULTS=$OUT/results-$STAMP.md
{
    echo "# drover apply vs virsh loop, $(date -u +%FT%TZ), $ROUNDS rounds of 2 migrations at once, $BANDWIDTH MiB/s"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| round | drover apply s | dry run s | drover minus dry run s | virsh loop s | ratio (apply-dry)/loop | ratio apply/loop | plan estimate s |"
    echo "|---|---|---|---|---|---|---|---|"
} >"$RESULTS"
MIGRATIONS=$LOG/migrations.tsv
printf 'round\ttool\tguest\tdestination\tduration_ms\tdowntime_ms\n' >"$MIGRATIONS"

for round in $(seq 1 "$ROUNDS"); do
    echo "round $round: drover" >&2
    drover inventory "$FLEET" >"$LOG/inventory-$round.log" 2>&1
    drover plan drain lab-host1 --max-outbound 2 --max-concurrent 2 --bandwidth "$BANDWIDTH" --out "$LOG/plans" \
        >"$LOG/plan-$round.log" 2>&1
    plan=$(ls -t "$LOG"/plans/*.plan.json | head -n1)
    estimate=$(python3 -c '
import json, re, sys
plan = json.load(open(sys.argv[1]))["plan"]
def seconds(iso):
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", iso)
    h, mi, s = m.groups()
    return int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0)
# a wave lasts as long as its longest migration (MigrationWave.estimatedDuration), waves run one after another
print("%.1f" % sum(max(seconds(m["estimatedDuration"]) for m in w["migrations"])
                   for p in plan["phases"] for w in p["waves"]))' "$plan")
    t=$(now); drover apply --dry-run "$plan" >"$LOG/dry-run-$round.log" 2>&1; dry=$(since "$t")
    t=$(now); drover apply "$plan" >"$LOG/apply-$round.log" 2>"$LOG/apply-$round.err"; applied=$(since "$t")
    # WAVE MOVE(guest src → dst) MODE RESULT ATTEMPTS DURATION(n s) DOWNTIME(n ms) ...
    awk -v r="$round" '$7 == "VERIFIED" {printf "%s\tdrover\t%s\t%s\t%d\t%s\n", r, $2, $5, $9 * 1000, $11}' \
        "$LOG/apply-$round.log" >>"$MIGRATIONS"
    declare -A dest=()
    for g in lab-shared lab-local; do dest[$g]=$(running_on "$g"); done
    for g in lab-shared lab-local; do move_home "$g"; done

    echo "round $round: virsh loop" >&2
    t=$(now)
    pids=()
    for g in lab-shared lab-local; do migrate "$g" 1 "${dest[$g]}" >"$LOG/virsh-$round-$g.log" 2>&1 & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p"; done
    loop=$(since "$t")
    for g in lab-shared lab-local; do
        printf '%s\tvirsh\t%s\tlab-host%s\t%s\n' "$round" "$g" "${dest[$g]}" "$(completed "$g" "${dest[$g]}")" \
            >>"$MIGRATIONS"
    done
    for g in lab-shared lab-local; do move_home "$g"; done

    awk -v r="$round" -v a="$applied" -v d="$dry" -v l="$loop" -v e="$estimate" 'BEGIN {
        printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |\n", r, a, d, a - d, l, (a - d) / l, a / l, e }' \
        >>"$RESULTS"
done
{
    echo
    echo "Per migration (duration and downtime as libvirt reports them: Drover's from the destination's completed job"
    echo "statistics it stores, the loop's from virsh domjobinfo --completed on the destination):"
    echo
    echo "| round | tool | guest | destination | duration ms | downtime ms |"
    echo "|---|---|---|---|---|---|"
    tail -n +2 "$MIGRATIONS" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}'
} >>"$RESULTS"
cat "$RESULTS"
echo "logs: $LOG" >&2
