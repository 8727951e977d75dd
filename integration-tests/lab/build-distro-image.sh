#!/usr/bin/env bash
# Builds the lab's distro guest into $LAB_DIR/distro (issue 11): a Debian 12 root file system made by debootstrap
# from Debian's packages (no image download) with systemd, NetworkManager and qemu-guest-agent from the
# distribution, plus the lab kernel's modules for the guest's devices (virtio-net, igbvf, bonding, ...):
#  - rootfs-STAMP.img: the root, ext4, attached read-only (<readonly/>) to every distro guest on both lab hosts, so a live
#    migration leaves it in place;
#  - initrd-STAMP.img: a busybox initramfs that mounts it under a tmpfs overlay (the guest writes to RAM), writes the
#    guest's own NetworkManager profiles from its kernel command line, and hands over to systemd:
#      passthru.addr=CIDR        the bond's address
#      passthru.mac=MAC          the virtio NIC (bond slave profile "bond0-virtio")
#      passthru.vfmac=MAC        the VF (bond slave profile "bond0-vf": NetworkManager enslaves a VF with this MAC)
#      passthru.qga_block=LIST   qemu-ga's block-rpcs (e.g. guest-exec,guest-exec-status, as RHEL ships it)
#    bond0: active-backup, miimon 100, fail_over_mac=active, num_grat_arp 3 (kernel Documentation/networking/
#    bonding.rst): the VF and the virtio NIC have their own MACs here, so each failover changes the bond's MAC and
#    the peers learn it from the gratuitous ARPs; one can be lost while the new slave's link settles.
# libpam-systemd is named: polkitd, which network-manager needs, depends on a logind that debootstrap does not pick.
# STAMP (in $LAB_DIR/distro/stamp) changes with each build: the lab hosts see this machine's files through 9p with
# cache=loose, and would go on reading a replaced file under an old name.
# Cached: rebuilt only when this script or the lab kernel changes. About 2 minutes the first time (packages
# downloaded once into $LAB_DIR/distro/debs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lab.env"
out=$LAB_DIR/distro
mkdir -p "$out/debs"
stamp=$( (cat "$0"; echo "$LAB_KVER") | sha256sum | cut -c1-16)
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$stamp" ] && [ -f "$out/rootfs-$stamp.img" ] \
   && [ -f "$out/initrd-$stamp.img" ]; then
  echo "distro guest: cached in $out"; exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap missing: run install-deps.sh" >&2; exit 1; }
t0=$(date +%s)
work=$(mktemp -d /var/tmp/passthru-distro.XXXXXX); trap 'rm -rf "$work"' EXIT
root=$work/root
debootstrap --variant=minbase --cache-dir="$out/debs" \
  --include=systemd,systemd-sysv,udev,dbus,libpam-systemd,network-manager,qemu-guest-agent,iproute2,iputils-ping,iputils-arping,kmod,procps \
  bookworm "$root" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
  || { tail -30 "$work/debootstrap.log" >&2; exit 1; }

echo passthru-distro > "$root/etc/hostname"
: > "$root/etc/fstab"
chroot "$root" passwd -d root >/dev/null
# a quiet, quick boot: nothing that waits for a network, syncs time or runs maintenance
for u in systemd-timesyncd.service apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer \
         NetworkManager-wait-online.service systemd-networkd.service getty@tty1.service e2scrub_reap.service \
         modprobe@loop.service modprobe@fuse.service modprobe@efi_pstore.service modprobe@drm.service \
         modprobe@dm_mod.service modprobe@configfs.service; do
  ln -sf /dev/null "$root/etc/systemd/system/$u"
done
mkdir -p "$root/etc/NetworkManager/conf.d"
cat > "$root/etc/NetworkManager/conf.d/passthru.conf" <<'CONF'
# only the profiles the initramfs writes: no "Wired connection" with DHCP for a NIC they do not name
[main]
no-auto-default=*
CONF

# the lab kernel's modules for the guest's devices, with their dependencies, at their usual paths
mods=/lib/modules/$LAB_KVER
for m in virtio_pci virtio_net net_failover virtio_console virtio_blk igbvf bonding ext4 overlay; do
  modprobe -S "$LAB_KVER" --show-depends "$m" | awk '$1=="insmod"{print $2}'
done | sort -u | while read -r ko; do
  mkdir -p "$root$(dirname "$ko")"; cp "$ko" "$root$ko"
done
cp "$mods"/modules.builtin* "$mods"/modules.order "$root$mods/"
depmod -b "$root" "$LAB_KVER"

rm -rf "$root/var/cache/apt/archives"/*.deb "$root/var/lib/apt/lists"/*
mkfs.ext4 -q -F -L passthru-root -d "$root" "$work/rootfs.img" 1G
rm -f "$out"/rootfs-*.img "$out"/initrd-*.img "$out/stamp"
mv "$work/rootfs.img" "$out/rootfs-$stamp.img"

# ---- the initramfs ----
i=$work/initrd
mkdir -p "$i"/{bin,proc,sys,dev,lower,rw,newroot,lib/modules}
cp /bin/busybox "$i/bin/busybox"
: > "$i/modules.load"
for m in virtio_pci virtio_blk ext4 overlay; do
  modprobe -S "$LAB_KVER" --show-depends "$m" | awk '$1=="insmod"{print $2}' | while read -r ko; do
    b=$(basename "$ko"); grep -qx "$b" "$i/modules.load" && continue
    cp "$ko" "$i/lib/modules/$b"; echo "$b" >> "$i/modules.load"
  done
done
cat > "$i/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in $(cat /modules.load); do insmod /lib/modules/$m; done
addr=; mac=; vfmac=; block=
for a in $(cat /proc/cmdline); do
  case $a in
    passthru.addr=*) addr=${a#passthru.addr=};; passthru.mac=*) mac=${a#passthru.mac=};;
    passthru.vfmac=*) vfmac=${a#passthru.vfmac=};; passthru.qga_block=*) block=${a#passthru.qga_block=};;
  esac
done
n=0; while [ ! -b /dev/vda ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n+1)); done
mount -t ext4 -o ro,noload /dev/vda /lower || { echo "passthru-distro: no root on /dev/vda"; exec sh; }
mount -t tmpfs -o mode=0755 rw /rw; mkdir -p /rw/upper /rw/work
mount -t overlay root -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work /newroot || { echo "overlay failed"; exec sh; }
nm=/newroot/etc/NetworkManager/system-connections
mkdir -p $nm
cat > $nm/bond0.nmconnection <<EOF
[connection]
id=bond0
type=bond
interface-name=bond0
autoconnect-slaves=1

[bond]
mode=active-backup
miimon=100
fail_over_mac=active
num_grat_arp=3

[ipv4]
method=manual
address1=$addr

[ipv6]
method=disabled
EOF
for s in virtio:$mac vf:$vfmac; do
  name=${s%%:*}; m=${s#*:}; [ -n "$m" ] || continue
  cat > $nm/bond0-$name.nmconnection <<EOF
[connection]
id=bond0-$name
type=ethernet
master=bond0
slave-type=bond

[ethernet]
mac-address=$m
EOF
done
chmod 600 $nm/*.nmconnection
if [ -n "$block" ]; then
  mkdir -p /newroot/etc/qemu
  printf '[general]\nblock-rpcs=%s\n' "$block" > /newroot/etc/qemu/qemu-ga.conf
fi
echo "passthru-distro: bond0 $addr (virtio $mac, VF $vfmac), qemu-ga blocks '${block}'"
umount /proc /sys /dev
exec switch_root /newroot /sbin/init
INIT
chmod +x "$i/init"
(cd "$i" && find . | cpio -o -H newc --quiet | gzip -1) > "$out/initrd-$stamp.img"
echo "$stamp" > "$out/stamp"
echo "distro guest: built in $(( $(date +%s) - t0 )) s: $(du -h --apparent-size "$out/rootfs-$stamp.img" | cut -f1) root ($(du -h "$out/rootfs-$stamp.img" | cut -f1) used), in $out"
