#!/usr/bin/env bash
# Build the lab guest payload (kernel + busybox initramfs) from Debian packages WITHOUT installing them:
# apt-get download + dpkg-deb -x. Output: $1 (default lab/.cache/payload)/{vmlinuz,initrd.img,VERSION}.
# Cached: does nothing when the output exists with the same module list (delete it to rebuild).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../.cache/payload}
# virtio_balloon reports the guest's free memory to libvirt (balloon.unused), from which a plan estimates what a
# first migration sends.
modules="virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci virtio_blk virtio_balloon"
[[ -s $out/vmlinuz && -s $out/initrd.img ]] && grep -qxF "modules=$modules" "$out/VERSION" 2>/dev/null \
    && { echo "payload: cached in $out"; exit 0; }

work=$(mktemp -d "${TMPDIR:-/tmp}/drover-payload.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

# Resolve the cloud kernel meta-package to the concrete image package (linux-image-<abi>-cloud-amd64).
resolve() { apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}'; }
kpkg=$(resolve)
# No package lists (e.g. a slim CI image): fetch them once.
[[ -n $kpkg ]] || { apt-get update -q >&2 && kpkg=$(resolve); }
[[ -n $kpkg ]] || { echo "payload: cannot resolve linux-image-cloud-amd64 (run apt-get update?)" >&2; exit 1; }
echo "payload: downloading $kpkg busybox-static"
# apt-get download warns that _apt cannot access a root-owned dir; the download itself works.
chmod 755 "$work"
apt-get download "$kpkg" busybox-static >/dev/null 2>download.err || { cat download.err >&2; exit 1; }

mkdir k bb
dpkg-deb -x linux-image-*.deb k
dpkg-deb -x busybox-static_*.deb bb
kver=$(ls k/lib/modules)
bb=$work/bb/bin/busybox

# initramfs tree: busybox, /init, the virtio modules (the cloud kernel builds them as modules).
root=$work/root
mkdir -p "$root"/{bin,lib/modules,proc,sys,dev,tmp}
cp "$bb" "$root/bin/busybox"
cp "$here/init" "$root/init"
chmod 755 "$root/init" "$root/bin/busybox"
for m in $modules; do
    f=$(find "k/lib/modules/$kver" -name "$m.ko*" | head -n1)
    [[ -n $f ]] || { echo "payload: module $m not found in $kpkg" >&2; exit 1; }
    case $f in
        *.ko.xz) xz -dc "$f" > "$root/lib/modules/$m.ko" ;;
        *.ko.zst) "$bb" unzstd -c "$f" > "$root/lib/modules/$m.ko" 2>/dev/null || zstd -dc "$f" > "$root/lib/modules/$m.ko" ;;
        *) cp "$f" "$root/lib/modules/$m.ko" ;;
    esac
done

mkdir -p "$out"
(cd "$root" && find . | "$bb" cpio -o -H newc 2>/dev/null | gzip -9) > "$out/initrd.img.tmp"
cp "k/boot/vmlinuz-$kver" "$out/vmlinuz.tmp"
mv "$out/initrd.img.tmp" "$out/initrd.img"
mv "$out/vmlinuz.tmp" "$out/vmlinuz"
printf 'kernel_package=%s\nkernel=%s\nbusybox=%s\nmodules=%s\n' "$kpkg" "$kver" "$(ls busybox-static_*.deb)" \
    "$modules" > "$out/VERSION"
echo "payload: built $out (kernel $kver, initrd $(du -h "$out/initrd.img" | cut -f1))"
