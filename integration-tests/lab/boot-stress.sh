#!/usr/bin/env bash
# Boots and stops the test command's lab (lab.sh up-suite: hosts 1-3 at once) N times under the load run-tests.sh
# puts beside the boot: a Maven build with the unit tests (of a copy of this checkout, so the checkout is left alone)
# and a debootstrap of the Debian guest (build-distro-image.sh into a scratch directory, from the packages the lab
# has cached). Prints, per boot, each host's time from QEMU's start to libvirtd answering, its longest console
# silence, and every watchdog retry with its reason (lab.sh's boot watchdog); then a summary per host.
#   boot-stress.sh N [--no-load]
# The lab must not be in use: it is taken down first and after each boot. Results also go to $LAB_DIR/boot-stress.log.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/lab.env"
n=${1:-}; load=1
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 N [--no-load]" >&2; exit 2; }
[ "${2:-}" = --no-load ] && load=0
mkdir -p "$LAB_DIR"
scratch=$(mktemp -d /var/tmp/passthru-boot-stress.XXXXXX)
loadpids=()
stop_load() { # the load stops with the boot: Maven and debootstrap are killed, and the chroot mounts debootstrap leaves
  for p in "${loadpids[@]}"; do kill -- "-$p" 2>/dev/null || true; done
  for p in "${loadpids[@]}"; do wait "$p" 2>/dev/null || true; done
  loadpids=()
  awk '$2 ~ "^/var/tmp/passthru-distro\\." {print $2}' /proc/mounts | sort -r | while read -r m; do umount -l "$m" || true; done
  # removed only with nothing mounted below (a bind mount of /dev would take the machine's with it)
  if awk '$2 ~ "^/var/tmp/passthru-distro\\." {f=1} END{exit !f}' /proc/mounts; then
    echo "boot-stress: mounts left under /var/tmp/passthru-distro.*; not removing them" >&2
  else
    rm -rf /var/tmp/passthru-distro.* 2>/dev/null || true
  fi
}
trap 'stop_load; "$here/lab.sh" down >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
out=$LAB_DIR/boot-stress.log
say() { echo "$*" | tee -a "$out"; }

if [ $load = 1 ]; then
  # the checkout as it is (committed or not), without build output
  mkdir -p "$scratch/src"
  (cd "$root" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$scratch/src"
  corpus=$("$here/fetch-corpus.sh")
  # debootstrap reads its packages from the lab's cache when there is one (the test command's later runs)
  mkdir -p "$scratch/lab/distro/debs"
  cp -al "$LAB_DIR/distro/debs/." "$scratch/lab/distro/debs/" 2>/dev/null || true
fi
"$here/build-images.sh" >/dev/null

say "== boot-stress: $n boots of the test command's lab (hosts 1-3, LAB_BOOT_STAGGER=${LAB_BOOT_STAGGER:-none}), load: $([ $load = 1 ] && echo 'mvn install + debootstrap' || echo none), $(date -u +%FT%TZ)"
say "   watchdog: LAB_BOOT_SILENCE=${LAB_BOOT_SILENCE:-90} s, LAB_LIBVIRTD_WAIT=${LAB_LIBVIRTD_WAIT:-300} s, LAB_BOOT_TRIES=${LAB_BOOT_TRIES:-4}"
failed=0
for i in $(seq "$n"); do
  "$here/lab.sh" down >/dev/null 2>&1 || true
  if [ $load = 1 ]; then
    rm -f "$scratch/lab/distro/stamp"
    setsid bash -c "cd '$scratch/src' && mvn -B -ntp -q clean verify -Dlibvirt.testdata='$corpus'" >"$scratch/mvn.log" 2>&1 &
    loadpids+=($!)
    setsid env LAB_DIR="$scratch/lab" "$here/build-distro-image.sh" >"$scratch/distro.log" 2>&1 &
    loadpids+=($!)
  fi
  mark=$(wc -l < "$LAB_DIR/boot.log" 2>/dev/null || echo 0)
  t0=$SECONDS
  if "$here/lab.sh" up-suite >"$scratch/up.log" 2>&1; then status=ok; else status=FAILED; failed=$((failed + 1)); fi
  took=$((SECONDS - t0))
  stop_load
  lines=$(tail -n +"$((mark + 1))" "$LAB_DIR/boot.log" 2>/dev/null || true)
  row="boot $i: $status in $took s;"
  for h in 1 2 3; do
    r=$(grep "^ready N=$h " <<<"$lines" | tail -n1 || true)
    tries=$(grep -c "^retry N=$h " <<<"$lines" || true)
    if [ -n "$r" ]; then
      s=$(sed 's/.* s=\([0-9]*\) .*/\1/' <<<"$r"); sil=$(sed 's/.* silence=\([0-9]*\).*/\1/' <<<"$r"); at=$(sed 's/.* at=\([^ ]*\).*/\1/' <<<"$r")
      k=$(sed 's/.* kernel=\([0-9]*\).*/\1/' <<<"$r"); pr=$(sed 's/.* probe=\([0-9]*\).*/\1/' <<<"$r")
      row+=" host $h ${s} s (userspace ready ${k} s, libvirtd +${pr} s, longest silence ${sil} s at ${at}, retries ${tries});"
    else
      row+=" host $h not ready (retries ${tries});"
    fi
  done
  say "$row"
  grep '^retry ' <<<"$lines" | sed 's/^/   watchdog /' | tee -a "$out" || true
  [ $status = ok ] || sed 's/^/   | /' "$scratch/up.log" | tail -n 40 | tee -a "$out"
done
"$here/lab.sh" down >/dev/null 2>&1 || true
say "== boot-stress: $((n - failed)) of $n boots reached libvirtd on every host"
# summary per host from this run's lines of the log
awk -v n="$n" '/^boot [0-9]+: /{print}' "$out" | tail -n "$n" | awk '
  { for (h = 1; h <= 3; h++) { if (match($0, "host " h " [0-9]+ s")) { split(substr($0, RSTART, RLENGTH), a, " "); t[h] = t[h] " " a[3] }
      if (match($0, "host " h " [0-9]+ s \\(userspace ready [0-9]+ s, libvirtd \\+[0-9]+ s, longest silence [0-9]+ s")) {
        split(substr($0, RSTART, RLENGTH), b, " "); if (b[14] + 0 > sil[h]) sil[h] = b[14] + 0 } } }
  END { for (h = 1; h <= 3; h++) print "   host " h ": seconds to libvirtd per boot:" t[h] "; longest console silence of a good boot: " sil[h] + 0 " s" }' \
  | tee -a "$out"
[ $failed = 0 ]
