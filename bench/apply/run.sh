#!/usr/bin/env bash
# drover apply against a plain virsh loop on the lab fleet (bench/apply/README.md). Each round, in the same run:
#   1. Drover: inventory, plan a drain of lab-host$DRAIN (every guest on it; --max-outbound/--max-concurrent
#      $MAX_CONCURRENT, --bandwidth $BANDWIDTH), `drover apply --dry-run` (JVM, Spring, PostgreSQL, pre-flight
#      inventory: the fixed cost), then `drover apply` (timed); the guests are then moved back with virsh (untimed).
#   2. The loop: the same migrations, wave by wave as the plan has them, at most $MAX_CONCURRENT at once, with
#      `virsh migrate --live --p2p --persistent --undefinesource --bandwidth $BANDWIDTH` (plus --copy-storage-all
#      --migrate-disks of the plan's disks, after a pool-refresh as Drover does), timed per wave and in all; each
#      migration's duration and downtime from `virsh domjobinfo --completed` on its destination; then moved back.
# Output: bench/out/apply/results-<stamp>.md and the raw logs beside it. Needs root. Brings the lab up with
# $EXTRA_GUESTS more guests on lab-host$DRAIN if it is down (and down again at the end); leaves every guest where it
# was.
#
#   bench/apply/run.sh          # 2 rounds: drain of lab-host3 (lab-firmware + 4 extra guests of 256 MiB), 4 MiB/s
#   ROUNDS=3 BANDWIDTH=8 bench/apply/run.sh
#   DRAIN=1 BANDWIDTH=16 bench/apply/run.sh   # lab-host1: lab-shared dirties 8 MiB/s, it needs 16 MiB/s or more
#   DROVER_JAVA_OPTS=-XX:TieredStopAtLevel=1 bench/apply/run.sh   # Drover's JVM on C1 alone
#   FRESH_HISTORY=1 bench/apply/run.sh   # start from an empty database: round 1's plan has no migration history,
#                                        # so it estimates from memory size; later rounds from what round 1 sent
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-2}
DRAIN=${DRAIN:-3}                  # the lab host drained
BANDWIDTH=${BANDWIDTH:-4}           # MiB/s per migration, for both Drover (the plan's --bandwidth) and the loop
MAX_CONCURRENT=${MAX_CONCURRENT:-2} # migrations at once, for both (the plan's --max-outbound and --max-concurrent)
EXTRA_GUESTS=${EXTRA_GUESTS:-4}     # lab.sh up --extra-guests (on lab-host$DRAIN), when this script brings the lab up
EXTRA_GUEST_MEMORY=${EXTRA_GUEST_MEMORY:-256}
OUT=bench/out/apply
STAMP=$(date -u +%Y%m%d-%H%M%S)
LOG=$OUT/run-$STAMP
mkdir -p "$LOG/plans"
export DROVER_HOME=$PWD/$OUT/home
[[ -z ${FRESH_HISTORY:-} ]] || rm -rf "$DROVER_HOME"
export DROVER_LAB_DIR=${DROVER_LAB_DIR:-/var/tmp/drover-lab}
FLEET=$DROVER_LAB_DIR/fleet.yaml

started_lab=
if [[ ! -f $DROVER_LAB_DIR/hosts ]]; then
    lab/lab.sh up --extra-guests "$EXTRA_GUESTS" --extra-guest-memory "$EXTRA_GUEST_MEMORY" --extra-guests-on "$DRAIN" \
        >"$LOG/lab-up.log" 2>&1
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
# refresh_pool HOST: libvirt refuses while another block copy's destination creates its disk in the pool ("has
# asynchronous jobs running"; lost the loop one migration in round 1 at 18:05): tried again for up to 10 s, as Drover
# does (LibvirtJavaConnection.refreshWhenIdle)
refresh_pool() {
    local _
    for _ in $(seq 1 100); do
        virsh -q -c "$(uri "$1")" pool-refresh lab-images >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    virsh -q -c "$(uri "$1")" pool-refresh lab-images >/dev/null
}
# migrate GUEST FROM TO DISKS [BANDWIDTH]: live p2p; DISKS (comma-separated targets, or -) are block-copied
migrate() {
    local g=$1 from=$2 to=$3 disks=$4 bandwidth=${5:-} extra=()
    if [[ $disks != - ]]; then
        refresh_pool "$to"
        extra=(--copy-storage-all --migrate-disks "$disks")
    fi
    [[ -z $bandwidth ]] || extra+=(--bandwidth "$bandwidth")
    virsh -q -c "$(uri "$from")" migrate --live --p2p --persistent --undefinesource "${extra[@]}" "$g" "$(uri "$to")"
}
local_disks() { # GUEST HOST -> comma-separated targets of its disks under the local pool, or -
    virsh -q -c "$(uri "$2")" domblklist "$1" | awk '$2 ~ /^\/var\/lib\/libvirt\/images\// {print $1}' | paste -sd, |
        sed 's/^$/-/'
}
move_home() { # GUEST: back to the drained host at full speed, removing the copy it leaves behind
    local g=$1 at disks
    at=$(running_on "$g")
    [[ $at == "$DRAIN" ]] && return 0
    disks=$(local_disks "$g" "$at")
    migrate "$g" "$at" "$DRAIN" "$disks"
    [[ $disks == - ]] || virsh -q -c "$(uri "$at")" vol-delete --pool lab-images "$g.qcow2" >/dev/null
}
all_home() { # GUEST...: two at a time
    local pids=() g
    for g in "$@"; do
        move_home "$g" & pids+=($!)
        if ((${#pids[@]} == 2)); then wait "${pids[@]}"; pids=(); fi
    done
    ((${#pids[@]} == 0)) || wait "${pids[@]}"
}
# Fresh bench guests for each tool's turn (untimed): under TCG a guest that dirties memory through a slow migration
# can resume with corrupt memory and panic (seen on lab-bench2 after two 4 MiB/s round trips: general protection
# fault in __run_timers, a poisoned timer list); a panicked guest spins at 100 % of a core and dirties nothing, so
# the tool that came second would migrate easier guests on a busier machine. Destroy, start, wait for the dirtier
# and for the guest's first balloon statistics (every 5 s; a plan estimates a first migration from them).
serial_log() { echo "$DROVER_LAB_DIR/lab-host$2/var/log/libvirt/qemu/$1.serial.log"; }
count_in() { cat "$@" 2>/dev/null | grep -c "$PATTERN" || true; }
reboot_bench_guests() {
    local g booted started
    for g in "${GUESTS[@]}"; do
        [[ $g == lab-bench* ]] || continue
        booted=$(PATTERN=dirtying count_in "$(serial_log "$g" "$DRAIN")")
        virsh -q -c "$(uri "$DRAIN")" destroy "$g" >/dev/null
        started=$(date +%s)
        virsh -q -c "$(uri "$DRAIN")" start "$g" >/dev/null
        for _ in $(seq 1 120); do
            (($(PATTERN=dirtying count_in "$(serial_log "$g" "$DRAIN")") > booted)) && break
            sleep 0.5
        done
        for _ in $(seq 1 40); do
            (($(balloon_updated "$g" "$DRAIN") > started)) && break
            sleep 0.5
        done
    done
}
# balloon_updated GUEST HOST -> when the guest last reported its balloon statistics (epoch s; 0 when never)
balloon_updated() {
    virsh -c "$(uri "$2")" domstats --balloon "$1" | sed -n 's/^ *balloon.last-update=//p' | grep . || echo 0
}
# panics -> how many guest kernel panics the bench guests' serial logs hold, on every host
panics() { PATTERN="Kernel panic - not syncing" count_in "$DROVER_LAB_DIR"/lab-host*/var/log/libvirt/qemu/lab-bench*.serial.log; }
# completed GUEST HOST -> "elapsed_ms<TAB>downtime_ms" of the last completed migration, per the destination. Read
# once: libvirt discards completed job statistics once read (without --keep-completed).
completed() {
    virsh -c "$(uri "$2")" domjobinfo --completed "$1" | awk -F: '
        /^Time elapsed:/ {gsub(/[^0-9]/, "", $2); elapsed = $2}
        /^Total downtime:/ {gsub(/[^0-9]/, "", $2); downtime = $2}
        END {printf "%s\t%s", elapsed, downtime}'
}
# plan_waves PLAN -> one line per wave: "<estimate s> <guest>:<source index>:<destination index>:<disks or -> ..."
plan_waves() {
    python3 -c '
import json, re, sys
plan = json.load(open(sys.argv[1]))["plan"]
def seconds(iso):
    h, mi, s = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", iso).groups()
    return int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0)
index = lambda host: host.replace("lab-host", "")
for phase in plan["phases"]:
    for wave in phase["waves"]:
        # a wave lasts as long as its longest migration (MigrationWave.estimatedDuration)
        print("%.1f" % max(seconds(m["estimatedDuration"]) for m in wave["migrations"]), " ".join(
            "%s:%s:%s:%s" % (m["guest"], index(m["source"]), index(m["destination"]),
                             ",".join(m.get("copyDisks") or []) or "-") for m in wave["migrations"]))' "$1"
}

# One build for the whole run, made outside the timings and pinned (DROVER_NO_BUILD): run as bin/drover runs it.
bin/drover --version >"$LOG/build.log" 2>&1
drover() { DROVER_NO_BUILD=1 bin/drover "$@"; }
# The extra guests belong on the drained host (lab.sh --extra-guests-on): one left elsewhere by an earlier apply is
# brought back first, untimed, so every round drains the same guests.
mapfile -t strays < <(for i in 1 2 3; do [[ $i == "$DRAIN" ]] || virsh -q -c "$(uri "$i")" list --name; done |
    grep '^lab-bench[0-9]*$' || true)
((${#strays[@]} == 0)) || all_home "${strays[@]}"
mapfile -t GUESTS < <(virsh -q -c "$(uri "$DRAIN")" list --name | sed '/^$/d')
if ! printf '%s\n' "${GUESTS[@]}" | grep -q '^lab-bench'; then
    echo "bench/apply: lab-host$DRAIN runs no lab-bench guest: bring the lab up with --extra-guests-on $DRAIN" >&2
    exit 1
fi
RESULTS=$OUT/results-$STAMP.md
{
    echo "# drover apply vs virsh loop, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench lab || echo '+changes')"
    echo "$ROUNDS rounds: drain of lab-host$DRAIN (${#GUESTS[@]} guests: ${GUESTS[*]}), $MAX_CONCURRENT at once, $BANDWIDTH MiB/s"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); DROVER_JAVA_OPTS=${DROVER_JAVA_OPTS:-}"
    echo
    echo "| round | drover apply s | dry run s | apply - dry run s | virsh loop s | (apply - dry run) / loop | apply / loop | plan estimate s | drover waves took s | estimate / took | load |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
} >"$RESULTS"
MIGRATIONS=$LOG/migrations.tsv
WAVES=$LOG/waves.tsv
PANICS=$LOG/panics.tsv
printf 'round\tdrover\tloop\n' >"$PANICS"
printf 'round\ttool\tguest\tdestination\tduration_ms\tdowntime_ms\n' >"$MIGRATIONS"
printf 'round\twave\tmoves\testimate_s\tdrover_s\tdrover_before_s\tloop_s\n' >"$WAVES"

for round in $(seq 1 "$ROUNDS"); do
    echo "round $round: drover" >&2
    reboot_bench_guests
    panics_before=$(panics)
    load=$(cut -d' ' -f1 /proc/loadavg)
    drover inventory "$FLEET" >"$LOG/inventory-$round.log" 2>&1
    drover plan drain "lab-host$DRAIN" --max-outbound "$MAX_CONCURRENT" --max-concurrent "$MAX_CONCURRENT" \
        --bandwidth "$BANDWIDTH" --out "$LOG/plans" >"$LOG/plan-$round.log" 2>&1 || true  # exit 6: some blocked
    plan=$(ls -t "$LOG"/plans/*.plan.json | head -n1)
    mapfile -t waves < <(plan_waves "$plan")
    estimate=$(printf '%s\n' "${waves[@]}" | awk '{s += $1} END {printf "%.1f", s}')
    t=$(now); drover apply --dry-run "$plan" >"$LOG/dry-run-$round.log" 2>&1; dry=$(since "$t")
    t=$(now); drover apply "$plan" >"$LOG/apply-$round.log" 2>"$LOG/apply-$round.err"; applied=$(since "$t")
    # WAVE MOVE(guest src → dst) MODE RESULT ATTEMPTS DURATION(n s) DOWNTIME(n ms) ...
    awk -v r="$round" '$7 == "VERIFIED" {printf "%s\tdrover\t%s\t%s\t%d\t%s\n", r, $2, $5, $9 * 1000, $11}' \
        "$LOG/apply-$round.log" >>"$MIGRATIONS"
    # the per-wave table: WAVE MOVES ESTIMATED(n s) TOOK(n s) BEFORE IT(n s | -)
    declare -A drover_took=() drover_before=()
    took_all=0
    while read -r w _ _ _ took _ before _; do
        drover_took[$w]=$took; drover_before[$w]=$before
        took_all=$(awk -v a="$took_all" -v b="$took" 'BEGIN {print a + b}')
    done < <(awk '/^WAVE +MOVES/ {on = 1; next} on && NF >= 5' "$LOG/apply-$round.log")
    all_home "${GUESTS[@]}"
    drover_panics=$(($(panics) - panics_before))

    echo "round $round: virsh loop" >&2
    reboot_bench_guests
    panics_before=$(panics)
    t=$(now)
    n=0
    for wave in "${waves[@]}"; do
        n=$((n + 1))
        tw=$(now)
        read -r west moves <<<"$wave"
        pids=()
        for m in $moves; do
            IFS=: read -r g from to disks <<<"$m"
            migrate "$g" "$from" "$to" "$disks" "$BANDWIDTH" >"$LOG/virsh-$round-$g.log" 2>&1 & pids+=($!)
            if ((${#pids[@]} == MAX_CONCURRENT)); then wait "${pids[@]}"; pids=(); fi
        done
        ((${#pids[@]} == 0)) || wait "${pids[@]}"
        loop_wave=$(since "$tw")
        for m in $moves; do
            IFS=: read -r g from to disks <<<"$m"
            printf '%s\tvirsh\t%s\tlab-host%s\t%s\n' "$round" "$g" "$to" "$(completed "$g" "$to")" >>"$MIGRATIONS"
        done
        w=1.$n
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$w" "$(wc -w <<<"$moves")" "$west" \
            "${drover_took[$w]:-?}" "${drover_before[$w]:--}" "$loop_wave" >>"$WAVES"
    done
    loop=$(since "$t")
    all_home "${GUESTS[@]}"
    loop_panics=$(($(panics) - panics_before))
    printf '%s\t%s\t%s\n' "$round" "$drover_panics" "$loop_panics" >>"$PANICS"

    awk -v r="$round" -v a="$applied" -v d="$dry" -v l="$loop" -v e="$estimate" -v w="$took_all" -v ld="$load" 'BEGIN {
        printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %.1f | %.2f | %s |\n", r, a, d, a - d, l, (a - d) / l,
            a / l, e, w, e / w, ld }' >>"$RESULTS"
done
{
    echo
    echo "Per wave (s): the plan's estimate; Drover's from its first migration's start to its last move's end, and"
    echo "its own time before the wave (inventory, pre-flight) from \`drover apply\`'s wave table; the loop's wall time."
    echo
    echo "| round | wave | moves | estimate | drover took | drover before it | loop took |"
    echo "|---|---|---|---|---|---|---|"
    tail -n +2 "$WAVES" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7}'
    echo
    echo "Per migration (duration and downtime as libvirt reports them: Drover's from the destination's completed job"
    echo "statistics it stores, the loop's from virsh domjobinfo --completed on the destination):"
    echo
    echo "| round | tool | guest | destination | duration ms | downtime ms |"
    echo "|---|---|---|---|---|---|"
    tail -n +2 "$MIGRATIONS" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}'
    echo
    # a migration whose statistics could not be read (blank) is left out, not counted as 0 ms
    tail -n +2 "$MIGRATIONS" | awk -F'\t' '$5 != "" {n[$2]++; d[$2] += $5; t[$2] += $6}
        END {for (k in n) printf "mean over %d migrations, %s: duration %.0f ms, downtime %.0f ms\n", n[k], k, d[k] / n[k], t[k] / n[k]}'
    echo
    echo "Guest kernel panics after each tool's migrations (bench guests rebooted before each turn; serial logs):"
    tail -n +2 "$PANICS" | awk -F'\t' '{printf "round %s: drover %s, virsh loop %s\n", $1, $2, $3}'
} >>"$RESULTS"
cat "$RESULTS"
echo "logs: $LOG" >&2
