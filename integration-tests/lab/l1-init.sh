#!/bin/bash
# PID 1 of a nested lab host (L1), started by host-initrd.img's /init after switch_root into a tmpfs overlay of
# this machine's root. Brings up: kernel modules, the management NIC (libvirtd on TCP 16509, reached from the
# machine through a restricted user-mode port forward), the migration link, the igb SR-IOV PF with its VFs,
# br0 (guest-facing bridge on the PF), a peer NIC for pings, a clean libvirt state, virtlogd and libvirtd, and
# qemu-guest-agent (so tests can run commands on the host). Host number and VF count come from the kernel
# command line (passthru.host=N passthru.vfs=N passthru.pfdown=1).
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
mkdir -p /dev/pts /dev/shm; mount -t devpts devpts /dev/pts; mount -t tmpfs shm /dev/shm
# /tmp stays the machine's (under the overlay): a checkout there must stay visible to this host
mount -t tmpfs run /run; mkdir -p /run/lock
mount -t cgroup2 cgroup2 /sys/fs/cgroup 2>/dev/null
exec > /dev/ttyS0 2>&1
log() { echo "passthru-lab: $*"; }
# each step says when it starts: lab.sh's boot watchdog takes a console silent too long for a hung host
log "host init: modules"

host=1; vfs=7; pfdown=0; mtty=
for a in $(cat /proc/cmdline); do
  case $a in passthru.host=*) host=${a#*=};; passthru.vfs=*) vfs=${a#*=};; passthru.pfdown=*) pfdown=${a#*=};;
    passthru.mtty=*) mtty=${a#*=};; esac
done
hostname "passthru-h$host"; echo "passthru-h$host" > /etc/hostname
printf '127.0.0.1 localhost\n127.0.1.1 passthru-h%s\n' "$host" > /etc/hosts

for m in virtio_net virtio_console igb e1000e vfio vfio_pci vfio_iommu_type1 kvm_amd kvm_intel bridge tun vhost_net; do
  modprobe $m 2>/dev/null
done
# Linux's sample mediated device driver (build-mtty.sh): a parent "mtty" with types mtty-1 and mtty-2 (one or two
# 16550 ports per mdev), which migrate their state through VFIO (kernel samples/vfio-mdev/mtty.c)
if [ -n "$mtty" ]; then
  modprobe mdev 2>/dev/null
  if insmod "$mtty"; then log "host init: mtty loaded ($(ls /sys/class/mdev_bus/ 2>/dev/null | tr '\n' ' '))"
  else log "host init: mtty.ko did not load"; fi
fi

log "host init: network"
by_mac() { for n in /sys/class/net/*; do [ "$(cat $n/address)" = "$1" ] && basename $n; done; }
ip link set lo up
mgmt=$(by_mac 52:54:00:00:0$host:01); mig=$(by_mac 52:54:00:00:0$host:02)
pf=$(by_mac 52:54:00:00:0$host:03); peer=$(by_mac 52:54:00:00:0$host:04); uplink=$(by_mac 52:54:00:00:0$host:05)
ip link set "$mgmt" up; ip addr add 10.0.2.15/24 dev "$mgmt"; ip route add default via 10.0.2.2
ip link set "$mig" up; ip addr add 198.51.100.$host/24 dev "$mig"
ip link set "$peer" up; ip addr add 192.0.2.$((100 + host))/24 dev "$peer"

log "host init: SR-IOV PF, $vfs VFs"
# SR-IOV: VFs stay unbound in the host (libvirt binds them to vfio-pci when a guest takes one, managed='yes')
pfsys=/sys/class/net/$pf/device
echo 0 > $pfsys/sriov_drivers_autoprobe
echo "$vfs" > $pfsys/sriov_numvfs
[ "$pfdown" = 1 ] || ip link set "$pf" up
# the second igb (no VFs: whole-PF passthrough) gets its link up, as a host's spare NIC would have
pf2=$(by_mac 52:54:00:00:0$host:07); [ -n "$pf2" ] && ip link set "$pf2" up
# br0: the guests' virtio NICs (the bonds' backup slaves) reach the lab wire through their own uplink NIC
ip link add br0 type bridge
ip link set "$uplink" master br0
ip link set "$uplink" up
ip link set br0 up
log "host $host: mgmt=$mgmt mig=$mig pf=$pf ($(cat $pfsys/sriov_numvfs)/$(cat $pfsys/sriov_totalvfs) VFs) pf2=$pf2 (no VFs) peer=$peer uplink=$uplink"

log "host init: libvirt state"
# A clean libvirt state of this host's own (the root below the overlay is shared with the machine)
rm -rf /etc/libvirt/qemu /etc/libvirt/nwfilter /var/lib/libvirt /var/cache/libvirt /var/log/libvirt /var/run/libvirt
mkdir -p /etc/libvirt/qemu /var/lib/libvirt/qemu /var/cache/libvirt /var/log/libvirt /var/run/libvirt
cat > /etc/libvirt/libvirtd.conf <<CONF
listen_tls = 0
listen_tcp = 1
listen_addr = "0.0.0.0"
auth_tcp = "none"
host_uuid = "5a5a5a5a-0000-4000-8000-00000000000$host"
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
keepalive_interval = 10
keepalive_count = 10
CONF
cat > /etc/libvirt/qemu.conf <<CONF
user = "root"
group = "root"
namespaces = [ ]
security_driver = "none"
remember_owner = 0
cgroup_controllers = [ ]
CONF
# /dev/stdin and friends, which udev or systemd make on a full system: mdevctl, which libvirt's node device driver
# runs to define and start mdevs, reads its JSON from /dev/stdin
ln -sf /proc/self/fd /dev/fd; ln -sf /proc/self/fd/0 /dev/stdin; ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
# udevd: libvirt's node device driver learns of a device that appears later (an mdev it started) from udev's events
# only. Devices present now are not replayed (no udevadm trigger); network renaming and driver autoloading are masked
# (rules of the same name in /etc win over /usr/lib/udev/rules.d), so the lab's netdev names and bindings stay as set
mkdir -p /etc/udev/rules.d
: > /etc/udev/rules.d/80-net-setup-link.rules; : > /etc/udev/rules.d/80-drivers.rules
/lib/systemd/systemd-udevd --daemon --resolve-names=never 2>/dev/null || log "host init: udevd did not start"
virtlogd -d
libvirtd -d --listen
log "libvirtd started"

port=
for p in /sys/class/virtio-ports/*; do [ "$(cat $p/name 2>/dev/null)" = org.qemu.guest_agent.0 ] && port=/dev/$(basename $p); done
[ -n "$port" ] && (while true; do qemu-ga -m virtio-serial -p "$port"; sleep 1; done) &
log "ready"
while true; do wait; sleep 1; done
