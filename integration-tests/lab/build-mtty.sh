#!/usr/bin/env bash
# Builds Linux's sample mediated device driver mtty (samples/vfio-mdev/mtty.c: a virtual PCI 16550 serial card per
# mdev, with the VFIO migration uAPI v2 since Linux 6.7, "vfio/mtty: Enable migration support") for the lab kernel,
# into $LAB_DIR/mtty/$LAB_KVER/mtty.ko, which the lab hosts load at boot (l1-init.sh). Debian builds its kernels
# without samples (# CONFIG_SAMPLES is not set), so the one file is taken from Debian's linux-source package of the
# same version and built out of tree against linux-headers-$LAB_KVER (kernel Documentation/kbuild/modules.rst).
# Cached: the source package is downloaded once into $LAB_DIR/mtty/debs, the module built once per kernel version
# and build script. Prints the module's path. Needs a lab kernel >= 6.7 (install-deps.sh installs a 6.12).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lab.env"
out=$LAB_DIR/mtty/$LAB_KVER
stamp=$( (cat "$0"; echo "$LAB_KVER") | sha256sum | cut -c1-16)
if [ -f "$out/mtty.ko" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "$out/mtty.ko"; exit 0
fi
major=$(echo "$LAB_KVER" | cut -d. -f1); minor=$(echo "$LAB_KVER" | cut -d. -f2)
if [ "$major" -lt 6 ] || { [ "$major" -eq 6 ] && [ "$minor" -lt 7 ]; }; then
  echo "build-mtty: the lab kernel $LAB_KVER has no VFIO migration in mtty (Linux >= 6.7 has); run install-deps.sh" >&2
  exit 1
fi
[ -d "/lib/modules/$LAB_KVER/build" ] || {
  echo "build-mtty: linux-headers-$LAB_KVER missing (/lib/modules/$LAB_KVER/build); run install-deps.sh" >&2; exit 1; }
# the source package of the kernel's own version: 6.12.118+deb12-amd64 comes from linux-source-6.12 6.12.118-*
upstream=${LAB_KVER%%+*}; series=$major.$minor
mkdir -p "$LAB_DIR/mtty/debs"
deb=$(ls "$LAB_DIR/mtty/debs/linux-source-${series}_${upstream}-"*.deb 2>/dev/null | tail -n1 || true)
if [ -z "$deb" ]; then
  version=$(apt-cache madison "linux-source-$series" | awk -v u="$upstream" '$3 ~ "^"u"-" {print $3; exit}')
  [ -n "$version" ] || { echo "build-mtty: no linux-source-$series $upstream-* in apt's lists" >&2; exit 1; }
  (cd "$LAB_DIR/mtty/debs" && apt-get download -q "linux-source-$series=$version" >/dev/null)
  deb=$(ls "$LAB_DIR/mtty/debs/linux-source-${series}_${upstream}-"*.deb | tail -n1)
fi
work=$(mktemp -d /var/tmp/passthru-mtty.XXXXXX); trap 'rm -rf "$work"' EXIT
dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/src/linux-source-$series.tar.xz" \
  | tar -xJ -C "$work" --wildcards --strip-components=3 "*/samples/vfio-mdev/mtty.c"
grep -q "mtty_set_state\|VFIO_MIGRATION_STOP_COPY" "$work/mtty.c" || {
  echo "build-mtty: $deb's mtty.c has no VFIO migration support" >&2; exit 1; }
echo 'obj-m := mtty.o' > "$work/Makefile"
make -s -C "/lib/modules/$LAB_KVER/build" M="$work" modules >"$work/build.log" 2>&1 || {
  tail -20 "$work/build.log" >&2; exit 1; }
mkdir -p "$out"
cp "$work/mtty.ko" "$work/mtty.c" "$out/"
echo "$stamp" > "$out/stamp"
echo "$out/mtty.ko"
