#!/usr/bin/env bash
# Install what the Drover lab needs (Debian 12). Idempotent: a fast no-op when everything is installed.
set -euo pipefail

PKGS=(
    libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients   # monolithic libvirtd + QEMU driver + virsh
    qemu-system-x86 qemu-utils                                  # TCG guests, qemu-img
    seabios ipxe-qemu ovmf                                      # guest firmware
    bindfs                                                      # shared storage seen as fuse.glusterfs (pulls fuse)
    iproute2 util-linux                                         # ip netns / veth / bridge; unshare, nsenter, findmnt
    busybox-static                                              # (payload is downloaded separately, this is for tools)
    gzip xz-utils                                               # initramfs packing, compressed kernel modules
)

# One dpkg-query for all packages (fast); anything not "install ok installed" is missing.
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${PKGS[@]}" 2>/dev/null | awk '/install ok installed$/ {print $1}')
missing=()
for p in "${PKGS[@]}"; do
    grep -qx "$p" <<< "$installed" || missing+=("$p")
done
((${#missing[@]})) || exit 0

[[ $(id -u) == 0 ]] || { echo "install-deps: need root to install: ${missing[*]}" >&2; exit 1; }
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Update the package lists only if they are missing or the install fails on stale lists.
if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then apt-get update -q; fi
apt-get install -y -q --no-install-recommends "${missing[@]}" ||
    { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; }
