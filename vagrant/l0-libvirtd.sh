#!/usr/bin/env bash
# The L0 libvirtd of the Vagrant lab: a private libvirtd (and virtlogd) for vagrant-libvirt to talk to.
#   l0-libvirtd.sh start    start it unless ours already runs; define its storage pool
#   l0-libvirtd.sh stop     destroy its running domains, stop the libvirtd and virtlogd this script started
#                           (by their pid files)
#   l0-libvirtd.sh status   print whether it runs, and its URI
#
# Why private: the lab's hosts (L1) take this machine's root over virtio-9p, so their QEMU must run as root
# (as libvirt-qemu it could not read root-only files such as /etc/libvirt/qemu.conf), and the machine's own
# /etc/libvirt autostarts libvirt's "default" NAT network (virbr0 on 192.168.122.1), which must never come up
# here. So this libvirtd runs in its own mount namespace where /etc/libvirt, /run/libvirt, /var/lib/libvirt,
# /var/cache/libvirt and /var/log/libvirt are directories under $PV_L0: its own qemu.conf (QEMU as root, no
# namespaces or cgroups: there is no systemd or udev), no networks, no TCP listener. Nothing of the machine's
# libvirt configuration is changed, and a libvirtd someone else started keeps running untouched beside it.
# vagrant-libvirt reaches it at $PV_LIBVIRT_URI (qemu:///system through its own socket).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/vagrant.env"

sock=$PV_L0/run/libvirt-sock
pidfile=$PV_L0/run/libvirtd.pid
logpid=$PV_L0/run/virtlogd.pid

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  if alive "$pidfile"; then echo "l0 libvirtd: already running (pid $(cat "$pidfile"), $PV_LIBVIRT_URI)"; return; fi
  command -v libvirtd >/dev/null || { echo "l0 libvirtd: libvirtd not installed: run vagrant/install-deps.sh" >&2; exit 1; }
  if pgrep -x libvirtd >/dev/null; then
    echo "l0 libvirtd: note: another libvirtd runs on this machine (pids $(pgrep -x libvirtd | tr '\n' ' ')); it is left alone"
  fi
  mkdir -p "$PV_L0"/{etc,run,lib,cache,log} "$PV_DIR/pool"
  # mount points of the namespace (empty directories are enough; nothing is mounted on them outside)
  mkdir -p /run/libvirt /var/lib/libvirt /var/cache/libvirt /var/log/libvirt
  cat > "$PV_L0/etc/libvirtd.conf" <<'CONF'
unix_sock_group = "root"
unix_sock_rw_perms = "0700"
unix_sock_ro_perms = "0700"
auth_unix_rw = "none"
auth_unix_ro = "none"
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
keepalive_interval = 10
CONF
  cat > "$PV_L0/etc/qemu.conf" <<'CONF'
user = "root"
group = "root"
security_driver = "none"
namespaces = [ ]
cgroup_controllers = [ ]
remember_owner = 0
CONF
  : > "$PV_L0/etc/virtlogd.conf"
  rm -f "$sock" "$pidfile" "$logpid"
  unshare --mount --propagation private bash -euc '
    l0=$1
    mount --bind "$l0/etc" /etc/libvirt
    mount --bind "$l0/run" /run/libvirt
    mount --bind "$l0/lib" /var/lib/libvirt
    mount --bind "$l0/cache" /var/cache/libvirt
    mount --bind "$l0/log" /var/log/libvirt
    virtlogd -d -p /run/libvirt/virtlogd.pid
    libvirtd -d -p /run/libvirt/libvirtd.pid
  ' l0 "$PV_L0"
  local deadline=$((SECONDS + 60))
  until virsh -q -c "$PV_LIBVIRT_URI" version >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "l0 libvirtd: no answer on $PV_LIBVIRT_URI after 60 s; log:" >&2; tail -n 20 "$PV_L0/log/libvirtd.log" >&2; exit 1; }
    sleep 1
  done
  if ! virsh -q -c "$PV_LIBVIRT_URI" pool-info default >/dev/null 2>&1; then
    virsh -q -c "$PV_LIBVIRT_URI" pool-define-as default dir --target "$PV_DIR/pool" >/dev/null
    virsh -q -c "$PV_LIBVIRT_URI" pool-autostart default >/dev/null
  fi
  virsh -q -c "$PV_LIBVIRT_URI" pool-start default >/dev/null 2>&1 || true
  echo "l0 libvirtd: running (pid $(cat "$pidfile"), $PV_LIBVIRT_URI)"
}

stop() {
  local f d
  # every domain of this private libvirtd is a lab host: stop them first, or their QEMU would outlive it
  if alive "$pidfile"; then
    for d in $(virsh -q -c "$PV_LIBVIRT_URI" list --name 2>/dev/null); do
      virsh -q -c "$PV_LIBVIRT_URI" destroy "$d" >/dev/null 2>&1 && echo "l0 libvirtd: destroyed domain $d"
    done
  fi
  for f in "$pidfile" "$logpid"; do
    if alive "$f"; then kill "$(cat "$f")"; fi
    rm -f "$f"
  done
  echo "l0 libvirtd: stopped"
}

case ${1:-status} in
  start) start ;;
  stop) stop ;;
  status) if alive "$pidfile"; then echo "l0 libvirtd: running (pid $(cat "$pidfile"), $PV_LIBVIRT_URI)"; else echo "l0 libvirtd: stopped"; exit 3; fi ;;
  *) echo "usage: l0-libvirtd.sh start|stop|status" >&2; exit 2 ;;
esac
