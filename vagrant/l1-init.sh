#!/bin/bash
# PID 1 of a Vagrant lab host (L1). Shipped inside the box passthru/sriov-host (vagrant/build-box.sh) and started
# by the lab's host-initrd.img (integration-tests/lab/build-images.sh) after switch_root into a tmpfs overlay of
# this machine's root, exactly as in integration-tests/lab. It follows integration-tests/lab/l1-init.sh and adds
# what Vagrant needs: an SSH server (dropbear) that takes the Vagrant insecure key for root, and the box volume
# as scratch storage for libvirt images.
#
# The host number N comes from the management NIC's MAC, 52:54:00:56:0N:01 (set by the Vagrantfile), so the box
# needs no per-host kernel command line. NICs, by MAC 52:54:00:56:0N:XX:
#   01 management (user-mode, restrict=on: libvirtd 16509 and ssh 22 forwarded from 127.0.0.1 on the machine)
#   02 migration link (libvirt <interface type='udp'>, 198.51.100.N/24; its address is what vagrant-libvirt reads
#      through the guest agent)
#   03 igb SR-IOV PF (VFs for guests), 04 peer NIC (192.0.2.10N/24), 05 uplink of br0 (guests' virtio NICs)
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
mkdir -p /dev/pts /dev/shm; mount -t devpts devpts /dev/pts; mount -t tmpfs shm /dev/shm
mount -t tmpfs run /run; mkdir -p /run/lock
mount -t cgroup2 cgroup2 /sys/fs/cgroup 2>/dev/null
exec > /dev/ttyS0 2>&1
log() { echo "passthru-vagrant: $*"; }
here=$(dirname "$0")

vfs=7; pfdown=0
for a in $(cat /proc/cmdline); do
  case $a in passthru.vfs=*) vfs=${a#*=};; passthru.pfdown=*) pfdown=${a#*=};; esac
done

for m in virtio_net virtio_console virtio_blk igb vfio vfio_pci vfio_iommu_type1 kvm_amd kvm_intel bridge tun vhost_net; do
  modprobe $m 2>/dev/null
done

by_mac() { for n in /sys/class/net/*; do [ "$(cat $n/address)" = "$1" ] && basename $n; done; }
host=
for n in /sys/class/net/*; do
  case $(cat $n/address) in 52:54:00:56:0[1-9]:01) a=$(cat $n/address); host=${a:13:1};; esac
done
[ -n "$host" ] || { log "no management NIC with MAC 52:54:00:56:0N:01: check the Vagrantfile's qemuargs"; host=0; }
hostname "passthru-vh$host"; echo "passthru-vh$host" > /etc/hostname
printf '127.0.0.1 localhost\n127.0.1.1 passthru-vh%s\n' "$host" > /etc/hosts

ip link set lo up
mgmt=$(by_mac 52:54:00:56:0$host:01); mig=$(by_mac 52:54:00:56:0$host:02)
pf=$(by_mac 52:54:00:56:0$host:03); peer=$(by_mac 52:54:00:56:0$host:04); uplink=$(by_mac 52:54:00:56:0$host:05)
# 10.0.2.15 lives only inside QEMU's user-mode network of this host (restrict=on: nothing leaves it); no route out
ip link set "$mgmt" up; ip addr add 10.0.2.15/24 dev "$mgmt"
ip link set "$mig" up; ip addr add 198.51.100.$host/24 dev "$mig"
ip link set "$peer" up; ip addr add 192.0.2.$((100 + host))/24 dev "$peer"

# SR-IOV: VFs stay unbound in the host (libvirt binds them to vfio-pci when a guest takes one, managed='yes')
pfsys=/sys/class/net/$pf/device
echo 0 > $pfsys/sriov_drivers_autoprobe
echo "$vfs" > $pfsys/sriov_numvfs
[ "$pfdown" = 1 ] || ip link set "$pf" up
ip link add br0 type bridge
ip link set "$uplink" master br0
ip link set "$uplink" up
ip link set br0 up
log "host $host: mgmt=$mgmt mig=$mig pf=$pf ($(cat $pfsys/sriov_numvfs)/$(cat $pfsys/sriov_totalvfs) VFs) peer=$peer uplink=$uplink"

# A clean libvirt state of this host's own: tmpfs over what the shared root holds (the L0 libvirtd's own
# configuration and domains among them)
for d in /etc/libvirt /var/lib/libvirt /var/cache/libvirt /var/log/libvirt; do mkdir -p $d; mount -t tmpfs -o mode=0755 pv $d; done
mkdir -p /etc/libvirt/qemu /var/lib/libvirt/qemu /var/lib/libvirt/images /var/run/libvirt
# The box volume (vda, blank in the box) holds libvirt images: formatted on first boot
if [ -b /dev/vda ]; then
  blkid /dev/vda >/dev/null 2>&1 || mkfs.ext4 -q -L pv-scratch -E lazy_itable_init=1,lazy_journal_init=1 /dev/vda
  mount /dev/vda /var/lib/libvirt/images && log "box volume vda mounted on /var/lib/libvirt/images"
fi
cat > /etc/libvirt/libvirtd.conf <<CONF
listen_tls = 0
listen_tcp = 1
listen_addr = "0.0.0.0"
auth_tcp = "none"
host_uuid = "5a5a5a5a-0000-4000-8000-0000000056a$host"
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
virtlogd -d
libvirtd -d --listen
log "libvirtd started"

# Vagrant's communicator: root logs in with the Vagrant insecure key (shipped in the box as vagrant.pub)
mkdir -p /root/.ssh /etc/dropbear; chmod 700 /root /root/.ssh
cp "$here/vagrant.pub" /root/.ssh/authorized_keys; chmod 600 /root/.ssh/authorized_keys
dropbear -R -s -p 22 -P /run/dropbear.pid && log "ssh (dropbear) on port 22"

port=
for p in /sys/class/virtio-ports/*; do [ "$(cat $p/name 2>/dev/null)" = org.qemu.guest_agent.0 ] && port=/dev/$(basename $p); done
[ -n "$port" ] && (while true; do qemu-ga -m virtio-serial -p "$port"; sleep 1; done) &
log "ready"
while true; do wait; sleep 1; done
