#!/usr/bin/env bash
# check-disk.sh RAW_IMAGE GUEST_NAME
# Checks the pattern the lab guest init (lab/payload/init) writes to its disk. RAW_IMAGE is a raw copy of the disk
# (lab.sh verify-disk makes one with `qemu-img convert -U -O raw`, which also flattens overlays). Exit 0 = intact.
set -euo pipefail
img=$1 name=$2
blocks=256
block() { dd if="$img" bs=4096 skip="$1" count=1 status=none | tr -d '\000'; }

hdr=$(block 0)
[[ $(head -n1 <<< "$hdr") == "DROVER-LAB-DISK v1" ]] || { echo "$name: FAIL no lab header in block 0"; exit 1; }
hname=$(sed -n 's/^name=//p' <<< "$hdr")
[[ $hname == "$name" ]] || { echo "$name: FAIL header names guest '$hname'"; exit 1; }
want=$(sed -n 's/^md5=//p' <<< "$hdr")
base=$(sed -n 's/^base=//p' <<< "$hdr")
# Same generator as the guest: block k = "drover:<name>:<k>" left-justified in 63 chars + "\n", 64 times.
expect=$(awk -v n="$name" -v b=$blocks 'BEGIN{for(k=1;k<=b;k++){l=sprintf("%-63s\n","drover:" n ":" k); for(i=0;i<64;i++) printf "%s", l}}' | md5sum | cut -d' ' -f1)
have=$(dd if="$img" bs=4096 skip=1 count=$blocks status=none | md5sum | cut -d' ' -f1)
fail=0
[[ $want == "$expect" ]] || { echo "$name: FAIL header md5 $want != generated pattern md5 $expect"; fail=1; }
[[ $have == "$expect" ]] || { echo "$name: FAIL pattern blocks 1..$blocks md5 $have != $expect"; fail=1; }
counter=$(block 512 | head -n1)
[[ $counter == DROVER-COUNTER* ]] || { echo "$name: FAIL no counter block"; fail=1; }
basemsg=
if [[ $base == present ]]; then
    if block 768 | grep -q '^DROVER-BASE v1'; then basemsg=" base=ok"
    else echo "$name: FAIL backing-file marker (block 768) missing: base data lost"; fail=1; fi
fi
((fail)) && exit 1
echo "$name: OK pattern md5=$have${basemsg} ${counter#DROVER-COUNTER }"
