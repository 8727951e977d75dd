#!/usr/bin/env bash
# Builds the two initramfs images of the lab into $LAB_DIR:
#  - host-initrd.img: boots a nested host (L1). It mounts this machine's root read-only over virtio-9p under a
#    tmpfs overlay and hands over to l1-init.sh, so the host has this machine's QEMU, libvirt and kernel modules.
#  - guest-initrd.img: the guest (L2): busybox, iproute2, qemu-guest-agent and the drivers for virtio-net (with
#    net_failover), the igb VF (igbvf), bonding, igb and e1000e (the PF and plain PCI passthrough tests). Its
#    init starts the agent and, by passthru.net=: bond (the default) an active-backup bond over the virtio NIC;
#    failover the address on virtio-net's failover master; plain the address on the VF alone (no bond, as Nova and KubeVirt guests).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lab.env"
mkdir -p "$LAB_DIR"
[ -n "$LAB_KERNEL" ] || { echo "no kernel in /boot: run install-deps.sh" >&2; exit 1; }
mods=/lib/modules/$LAB_KVER

copy_modules() { # DEST MODULE... : copies modules with dependencies, writes DEST/modules.load in insmod order
  local dest=$1; shift
  mkdir -p "$dest/lib/modules"
  : > "$dest/modules.load"
  for m in "$@"; do
    modprobe -S "$LAB_KVER" --show-depends "$m" | awk '$1=="insmod"{print $2}' | while read -r ko; do
      base=$(basename "$ko")
      grep -qx "$base" "$dest/modules.load" && continue
      cp "$ko" "$dest/lib/modules/$base"
      echo "$base" >> "$dest/modules.load"
    done
  done
}

copy_binary() { # DEST BINARY... : copies dynamically linked binaries with their libraries
  local dest=$1; shift
  for b in "$@"; do
    mkdir -p "$dest$(dirname "$b")"
    cp -L "$b" "$dest$b"
    ldd "$b" | grep -oE '/[^ ]+' | while read -r lib; do
      mkdir -p "$dest$(dirname "$lib")"; cp -L "$lib" "$dest$lib"
    done
  done
}

busybox_root() { # DEST
  local dest=$1
  mkdir -p "$dest"/{bin,sbin,proc,sys,dev,run,tmp,etc,var/run,root,lib64}
  cp /bin/busybox "$dest/bin/busybox"
}

pack() { # DIR IMAGE
  (cd "$1" && find . | cpio -o -H newc --quiet | gzip -1) > "$2.tmp" && mv "$2.tmp" "$2"
}

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# ---- nested host (L1) ----
h=$work/host; busybox_root "$h"
copy_modules "$h" virtio_pci 9pnet_virtio 9p overlay
cat > "$h/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in $(cat /modules.load); do insmod /lib/modules/$m; done
init=; for a in $(cat /proc/cmdline); do case $a in passthru.init=*) init=${a#passthru.init=};; esac; done
mkdir -p /lower /rw /newroot
echo "passthru-lab: initramfs: mounting the machine's root (9p)"
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose rootfs /lower || { echo "9p root failed"; exec sh; }
mount -t tmpfs -o size=2g,mode=0755 rw /rw
mkdir -p /rw/upper /rw/work
mount -t overlay root -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work /newroot || { echo "overlay failed"; exec sh; }
umount /proc /sys; umount /dev
echo "passthru-lab: initramfs: switch_root to $init"
exec switch_root /newroot /bin/bash "$init"
INIT
chmod +x "$h/init"
pack "$h" "$LAB_DIR/host-initrd.img"

# ---- guest (L2) ----
g=$work/guest; busybox_root "$g"
copy_modules "$g" virtio_pci virtio_net virtio_console igbvf bonding igb e1000e
copy_binary "$g" /usr/sbin/qemu-ga /usr/bin/ip
ln -sf /usr/bin/ip "$g/sbin/ip"
cat > "$g/init" <<'INIT'
#!/bin/busybox sh
# passthru lab guest: active-backup bond0 over the virtio NIC (the VF joins later), qemu-guest-agent.
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
mkdir -p /dev/pts /var/run /run; mount -t devpts devpts /dev/pts
for m in $(cat /modules.load); do
  case $m in bonding.ko|bonding.ko.*) insmod /lib/modules/$m max_bonds=0;; *) insmod /lib/modules/$m;; esac
done
addr=; net=bond
for a in $(cat /proc/cmdline); do
  case $a in passthru.addr=*) addr=${a#passthru.addr=};; passthru.net=*) net=${a#passthru.net=};; esac
done
hostname passthru-guest
ip() { /usr/bin/ip "$@"; }  # iproute2, not busybox's ip
ip link set lo up
# fail_over_mac=active: the bond takes the active slave's MAC and never rewrites a VF's MAC, which the PF
# set administratively (kernel Documentation/networking/bonding.rst, fail_over_mac).
virtio_nics() {
  for n in /sys/class/net/*; do
    [ "$(readlink $n/device/driver 2>/dev/null | xargs basename 2>/dev/null)" = virtio_net ] && basename $n
  done
}
if [ "$net" = failover ]; then
  # virtio-net failover (kernel Documentation/networking/net_failover.rst): a virtio NIC with failover=on
  # (libvirt <teaming type='persistent'/>) gets a failover master netdev from net_failover; a hot-plugged VF with
  # the same MAC becomes its primary by itself. The address goes on the master.
  for dev in $(virtio_nics); do
    m=$(readlink /sys/class/net/$dev/master 2>/dev/null) || continue
    master=$(basename $m); ip link set dev $dev up; ip link set dev $master up
    [ -n "$addr" ] && ip addr add "$addr" dev $master
    echo "passthru-guest: failover master $master (standby $dev)"
  done
elif [ "$net" = plain ]; then
  # no bond: the address goes on the first PCI netdev that is not virtio (the VF, when it arrives); what Nova and
  # KubeVirt guests do. A helper loop puts it there whenever a VF appears.
  (while true; do
    for n in /sys/class/net/*; do
      d=$(basename $n); [ -e $n/device ] || continue
      [ "$(readlink $n/device/driver 2>/dev/null | xargs basename 2>/dev/null)" = virtio_net ] && continue
      ip -o addr show dev $d | grep -q 'inet ' || { ip link set dev $d up; [ -n "$addr" ] && ip addr add "$addr" dev $d; }
    done
    sleep 0.2
  done) &
else
  ip link add bond0 type bond mode active-backup miimon 100 fail_over_mac active num_grat_arp 3
  for dev in $(virtio_nics); do ip link set dev $dev down; ip link set dev $dev master bond0; ip link set dev $dev up; done
  ip link set bond0 up
  [ -n "$addr" ] && ip addr add "$addr" dev bond0
fi
port=
for p in /sys/class/virtio-ports/*; do [ "$(cat $p/name 2>/dev/null)" = org.qemu.guest_agent.0 ] && port=/dev/$(basename $p); done
echo "passthru-guest: net=$net $addr, agent on $port"
# Fault injection for the lab's fault tests: "echo S > /run/qga-off; kill qemu-ga" keeps the agent away for S seconds;
# /run/qga-args holds extra qemu-ga options for its next start (e.g. "-b guest-exec,guest-exec-status", RHEL-like)
while true; do
  [ -f /run/qga-off ] && { sleep "$(cat /run/qga-off)"; rm -f /run/qga-off; }
  extra=; [ -f /run/qga-args ] && extra=$(cat /run/qga-args)
  /usr/sbin/qemu-ga -m virtio-serial -p "$port" $extra; sleep 1
done &
while true; do sleep 3600; done
INIT
chmod +x "$g/init"
pack "$g" "$LAB_DIR/guest-initrd.img"
cp "$LAB_KERNEL" "$LAB_DIR/vmlinuz"
# The same kernel uncompressed (the ELF inside the bzImage: xz in Debian's 6.1 build, zstd in its 6.12): QEMU boots an
# ELF kernel with a PVH entry point (CONFIG_PVH) directly, without the bzImage's real-mode setup and decompressor, which
# run at TCG speed in a lab guest. Measured on the lab: a guest's agent answered 36-45 s after virsh start instead of
# 54-55 s.
rm -f "$LAB_DIR/vmlinux.tmp"
# the decompressor stops after the kernel's frame, so tail ends on SIGPIPE and zstd warns of the size word after it:
# only the result is checked
off=$(LC_ALL=C grep -m1 -obUaP '\xfd7zXZ\x00' "$LAB_KERNEL" | cut -d: -f1 || true)
if [ -n "$off" ]; then
  { tail -c +$((off + 1)) "$LAB_KERNEL" | xz -dc --single-stream > "$LAB_DIR/vmlinux.tmp" 2>/dev/null; } || true
else
  off=$(LC_ALL=C grep -m1 -obUaP '\x28\xb5\x2f\xfd' "$LAB_KERNEL" | cut -d: -f1 || true)
  [ -z "$off" ] || { tail -c +$((off + 1)) "$LAB_KERNEL" | zstd -dcq > "$LAB_DIR/vmlinux.tmp" 2>/dev/null; } || true
fi
if [ -s "$LAB_DIR/vmlinux.tmp" ] && [ "$(head -c 4 "$LAB_DIR/vmlinux.tmp" | od -A n -t x1 | tr -d ' ')" = 7f454c46 ]; then
  mv "$LAB_DIR/vmlinux.tmp" "$LAB_DIR/vmlinux"
else
  rm -f "$LAB_DIR/vmlinux.tmp" "$LAB_DIR/vmlinux"
  echo "build-images: no xz- or zstd-compressed ELF in $LAB_KERNEL; lab guests boot the bzImage" >&2
fi
# mtty.ko for the lab hosts (VFIO device-state migration, issue 23): built once per kernel by build-mtty.sh
"$here/build-mtty.sh" >/dev/null
ls -la "$LAB_DIR"
