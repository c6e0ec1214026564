#!/usr/bin/env bash
# End-to-end check of the lab with plain virsh: bring-up, inventory calls, the three kinds of migration with disk
# verification, the refusals each variation must produce, teardown with nothing left behind. Exit 0 = all good.
# Takes about 1-2 minutes. Tears the lab down at the end (and at the start if it was up).
set -Eeuo pipefail
L=$(cd "$(dirname "$0")" && pwd)/lab.sh
STATE=${DROVER_LAB_DIR:-/var/tmp/drover-lab}
T() { echo "qemu+tcp://169.254.77.$1/system"; }
MIG=(--live --p2p --persistent --undefinesource)
step() { printf '\n=== %s\n' "$*"; }
fail() { echo "SELFTEST FAIL: $*" >&2; exit 1; }
# expect_refusal SRC GUEST DST 'message': the migration must fail with that message and leave GUEST running on SRC.
expect_refusal() {
    local out
    if out=$(virsh -c "$(T "$1")" migrate "${MIG[@]}" "$2" "$(T "$3")" 2>&1); then fail "$2 $1->$3 was not refused"; fi
    echo "refused: $out"
    grep -qF "$4" <<< "$out" || fail "unexpected refusal message for $2: $out"
    [[ $(virsh -c "$(T "$1")" domstate "$2") == running ]] || fail "$2 not running on its source after the refusal"
}

"$L" down >/dev/null 2>&1 || true

step "up (3 hosts, default guests)"
"$L" up
cat "$STATE/fleet.yaml"

step "inventory over qemu+tcp"
virsh -c "$(T 1)" list --all
virsh -c "$(T 1)" capabilities | grep -E '<uuid>|<model>' | head -n 2
virsh -c "$(T 1)" domcapabilities --virttype qemu --arch x86_64 --machine pc-q35-7.2 | grep -E '<machine>|<version>' || true
virsh -c "qemu+unix:///system?socket=$STATE/lab-host1/run/libvirt/libvirt-sock" hostname

step "wait for the guests to write their disk pattern"
for g in lab-shared lab-local lab-overlay lab-writeback; do
    for ((t = 0; t < 60; t++)); do "$L" verify-disk "$g" >/dev/null 2>&1 && break; sleep 1; done
    "$L" verify-disk "$g"
done

step "shared storage live migration lab-shared host1 -> host2"
time virsh -c "$(T 1)" migrate "${MIG[@]}" lab-shared "$(T 2)"
"$L" verify-disk lab-shared

step "local disk without storage copy is refused"
expect_refusal 1 lab-local 3 "Migration without shared storage is unsafe"

step "--copy-storage-all lab-local host1 -> host3"
time virsh -c "$(T 1)" migrate "${MIG[@]}" --copy-storage-all lab-local "$(T 3)"
"$L" verify-disk lab-local

step "--copy-storage-inc lab-overlay host2 -> host3 (overlay pre-created through the storage API)"
if out=$(virsh -c "$(T 2)" migrate "${MIG[@]}" --copy-storage-inc lab-overlay "$(T 3)" 2>&1); then
    fail "copy-storage-inc without a destination overlay was not refused"
fi
echo "without overlay: $out"
"$L" precreate-overlay lab-overlay 3
time virsh -c "$(T 2)" migrate "${MIG[@]}" --copy-storage-inc lab-overlay "$(T 3)"
"$L" verify-disk lab-overlay

step "writeback guest on shared storage lab-writeback host2 -> host1"
if virsh -c "$(T 2)" migrate "${MIG[@]}" lab-writeback "$(T 1)"; then echo "accepted by libvirt (see README)"; fi
"$L" verify-disk lab-writeback

step "variations on running hosts"
"$L" vary 3 --drop-machine pc-i440fx-7.2 --qemu-version 6.2.0
virsh -c "$(T 3)" version | grep 'Running hypervisor'
expect_refusal 2 lab-shared 3 "does not support machine type 'pc-i440fx-7.2'"
"$L" vary 1 --cpu-feature-off sse4.2
expect_refusal 2 lab-shared 1 "guest CPU doesn't match specification: missing features: sse4.2"
"$L" vary 1 --reset
virsh -c "$(T 2)" migrate "${MIG[@]}" lab-shared "$(T 1)"
"$L" verify-disk lab-shared
"$L" status

step "down"
time "$L" down
left=$(ps -eo pid,comm | awk '$2 ~ /^(libvirtd|qemu-system|bindfs)/' || true)
[[ -z $left ]] || fail "processes left: $left"
! findmnt -rn -o TARGET | grep -qE "^$STATE|^/srv/drover-shared" || fail "mounts left"
[[ -z $(ip netns list | grep drvlab) ]] || fail "netns left"
! ip link show drvlab0 >/dev/null 2>&1 || fail "bridge left"
[[ ! -e $STATE && ! -e /srv/drover-shared ]] || fail "state dir or shared dir left"

step "up with variations as options (--same-uuid, machine drop, QEMU version, CPU wrapper), then down"
"$L" up --same-uuid --host-drop-machine 3=pc-q35-7.2 --host-qemu-version 3=6.2.0 --host-cpu-feature-off 3=popcnt
virsh -c "$(T 3)" version | grep 'Running hypervisor'
expect_refusal 1 lab-shared 2 "Attempt to migrate guest to the same host"
expect_refusal 2 lab-writeback 3 "does not support machine type 'pc-q35-7.2'"
expect_refusal 1 lab-shared 3 "guest CPU doesn't match specification: missing features: popcnt"
"$L" down
echo
echo "SELFTEST OK"
