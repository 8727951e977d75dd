#!/usr/bin/env bash
# passthru nested lab: two SR-IOV hosts (L1) under QEMU TCG, each with an intel vIOMMU, an igb PF with VFs,
# KVM inside (nested SVM) and libvirtd on qemu+tcp://127.0.0.1:PORT/system.
#   lab.sh up [--host N --no-viommu --pf-down --vfs N]
#                                                 boot the hosts (default: hosts 1 and 2) and wait for libvirtd
#   lab.sh down [--host N]                        stop every lab host (or host N)
#   lab.sh restart --host N                       reboot host N with the options it was booted with
#   lab.sh status                                 print the hosts and their libvirt URIs
# The lab wire: each host's QEMU has a hub joining its igb PF (VFs for guests), an uplink NIC of the host's
# bridge br0 (guests' virtio NICs, the bond's backup path), a peer NIC (192.0.2.10N) and a UDP carrier to the
# other host, so a guest keeps its address and its peers wherever it runs. br0 does not use the PF as uplink:
# QEMU's igb model drops unknown unicast on the PF once VFs exist, so the backup path gets its own NIC.
# Every host also has an e1000e behind its own pcie-root-port (rp2, bus 02): a plain PCI device, not SR-IOV, in an
# IOMMU group of its own, for PCI passthrough (type-PCI) tests; its wire (hub 2) leads nowhere. A second igb behind
# rp3 (bus 03, MAC ...:07) keeps sriov_numvfs at 0: an SR-IOV capable PF with no VFs, whole-PF passthrough's (type-PF)
# device, as a host's spare NIC would be; its wire (hub 3) leads nowhere too.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lab.env"
mkdir -p "$LAB_DIR"

uri() { echo "qemu+tcp://127.0.0.1:$((LAB_LIBVIRT_PORT_BASE + $1))/system"; }

boot() { # N [viommu:1|0] [pfdown:0|1] [vfs]
  # hosts 1 and 2 are wired to each other; further hosts (readiness tests) get carriers that lead nowhere
  local n=$1 viommu=${2:-1} pfdown=${3:-0} vfs=${4:-$LAB_NUM_VFS} other=$(( $1 == 1 ? 2 : ($1 == 2 ? 1 : 90 + $1) ))
  local port=$((LAB_LIBVIRT_PORT_BASE + n))
  local wl=$((LAB_UDP_BASE + n)) wr=$((LAB_UDP_BASE + other))
  local ml=$((LAB_UDP_BASE + 10 + n)) mr=$((LAB_UDP_BASE + 10 + other))
  local iommu_dev=() iommu_args="intel_iommu=on iommu=pt"
  if [ "$viommu" = 1 ]; then iommu_dev=(-device intel-iommu,intremap=on,caching-mode=on); else iommu_args="intel_iommu=off"; fi
  [ -f "$LAB_DIR/h$n.pid" ] && kill -0 "$(cat "$LAB_DIR/h$n.pid")" 2>/dev/null && { echo "host $n already running"; return; }
  [ -f "$LAB_DIR/h$n.console.log" ] && mv "$LAB_DIR/h$n.console.log" "$LAB_DIR/h$n.console.log.old"
  rm -f "$LAB_DIR/h$n-qga.sock"
  echo "$viommu $pfdown $vfs" > "$LAB_DIR/h$n.opts"
  qemu-system-x86_64 -name "passthru-h$n" -uuid "5a5a5a5a-0000-4000-8000-00000000000$n" \
    -machine q35,kernel-irqchip=split -global q35-pcihost.pci-hole64-size=0 -accel tcg -cpu max,phys-bits=32 -smp "$LAB_HOST_CPUS" -m "$LAB_HOST_MEM_MIB" \
    "${iommu_dev[@]}" \
    -kernel "$LAB_DIR/vmlinuz" -initrd "$LAB_DIR/host-initrd.img" \
    -append "console=ttyS0 $iommu_args pci=realloc=off no_timer_check passthru.init=$here/l1-init.sh passthru.host=$n passthru.vfs=$vfs passthru.pfdown=$pfdown" \
    -virtfs local,path=/,mount_tag=rootfs,security_model=none,readonly=on \
    -netdev user,id=mgmt,restrict=on,hostfwd=tcp:127.0.0.1:$port-:16509 \
    -device virtio-net-pci,netdev=mgmt,mac=52:54:00:00:0$n:01 \
    -netdev dgram,id=mig,local.type=inet,local.host=127.0.0.1,local.port=$ml,remote.type=inet,remote.host=127.0.0.1,remote.port=$mr \
    -device virtio-net-pci,netdev=mig,mac=52:54:00:00:0$n:02 \
    -netdev dgram,id=wire,local.type=inet,local.host=127.0.0.1,local.port=$wl,remote.type=inet,remote.host=127.0.0.1,remote.port=$wr \
    -netdev hubport,id=hwire,hubid=1,netdev=wire \
    -netdev hubport,id=hpf,hubid=1 -netdev hubport,id=hpeer,hubid=1 -netdev hubport,id=hbr,hubid=1 \
    -device pcie-root-port,id=rp1,chassis=1,slot=1,pref32-reserve=32M -device igb,netdev=hpf,bus=rp1,mac=52:54:00:00:0$n:03 \
    -device virtio-net-pci,netdev=hpeer,mac=52:54:00:00:0$n:04 \
    -device virtio-net-pci,netdev=hbr,mac=52:54:00:00:0$n:05 \
    -netdev hubport,id=he1k,hubid=2 \
    -device pcie-root-port,id=rp2,chassis=2,slot=2 -device e1000e,netdev=he1k,bus=rp2,mac=52:54:00:00:0$n:06 \
    -netdev hubport,id=hpf2,hubid=3 \
    -device pcie-root-port,id=rp3,chassis=3,slot=3 -device igb,netdev=hpf2,bus=rp3,mac=52:54:00:00:0$n:07 \
    -device virtio-serial-pci -chardev socket,id=qga,path="$LAB_DIR/h$n-qga.sock",server=on,wait=off \
    -device virtserialport,chardev=qga,name=org.qemu.guest_agent.0 \
    -serial file:"$LAB_DIR/h$n.console.log" -display none -monitor unix:"$LAB_DIR/h$n-monitor.sock",server=on,wait=off \
    ${LAB_QEMU_EXTRA:-} -daemonize -pidfile "$LAB_DIR/h$n.pid"
  echo "host $n: booting ($(uri "$n"), console $LAB_DIR/h$n.console.log)"
}

stop_host() { # N: stops host N's QEMU and waits until it is gone (its ports and sockets are free again)
  local p=$LAB_DIR/h$1.pid pid
  [ -f "$p" ] || return 0
  pid=$(cat "$p"); kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$p"
}

wait_ready() { # N TIMEOUT_S
  local n=$1 deadline=$((SECONDS + $2)) retried=0 viommu pfdown vfs
  until virsh -q -c "$(uri "$n")" version >/dev/null 2>&1 && virsh -q -c "$(uri "$n")" nodedev-list --cap pci >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then echo "host $n: libvirtd not ready after $2 s; console:" >&2; tail -n 30 "$LAB_DIR/h$n.console.log" >&2; return 1; fi
    # a TCG host on a loaded machine can panic in early boot (seen: "timer doesn't work through Interrupt-remapped
    # IO-APIC" with three hosts booting at once): it is booted once more, with the same options
    if [ $retried = 0 ] && grep -q 'Kernel panic' "$LAB_DIR/h$n.console.log" 2>/dev/null; then
      echo "host $n: kernel panic while booting; booting it again. Console:" >&2
      grep -A2 'Kernel panic' "$LAB_DIR/h$n.console.log" | head -n 3 >&2
      retried=1; read -r viommu pfdown vfs < "$LAB_DIR/h$n.opts"
      stop_host "$n"; boot "$n" "$viommu" "$pfdown" "$vfs"; deadline=$((SECONDS + $2))
    fi
    sleep 2
  done
  echo "host $n: ready after ${SECONDS}s ($(uri "$n"))"
}

cmd=${1:-up}; shift || true
case $cmd in
  up)
    hosts=(1 2); viommu=1; pfdown=0; vfs=$LAB_NUM_VFS
    while [ $# -gt 0 ]; do case $1 in
      --host) hosts=($2); shift 2;; --no-viommu) viommu=0; shift;; --pf-down) pfdown=1; shift;;
      --vfs) vfs=$2; shift 2;;
      *) echo "unknown option $1" >&2; exit 2;; esac; done
    [ -f "$LAB_DIR/host-initrd.img" ] && [ -f "$LAB_DIR/guest-initrd.img" ] || "$here/build-images.sh" >/dev/null
    for n in "${hosts[@]}"; do boot "$n" "$viommu" "$pfdown" "$vfs"; done
    for n in "${hosts[@]}"; do wait_ready "$n" "${LAB_BOOT_TIMEOUT:-300}"; done ;;
  restart)
    [ "${1:-}" = --host ] && [ -n "${2:-}" ] || { echo "usage: lab.sh restart --host N" >&2; exit 2; }
    n=$2; read -r viommu pfdown vfs < "$LAB_DIR/h$n.opts" 2>/dev/null || { viommu=1; pfdown=0; vfs=; }
    stop_host "$n"
    boot "$n" "$viommu" "$pfdown" "${vfs:-$LAB_NUM_VFS}"
    wait_ready "$n" "${LAB_BOOT_TIMEOUT:-300}" ;;
  down)
    if [ "${1:-}" = --host ]; then stop_host "$2"; echo "host $2 down"; exit 0; fi
    for p in "$LAB_DIR"/h*.pid; do [ -f "$p" ] || continue; n=${p##*/h}; stop_host "${n%.pid}"; done; echo "lab down" ;;
  status)
    for n in 1 2 3 4; do
      if [ -f "$LAB_DIR/h$n.pid" ] && kill -0 "$(cat "$LAB_DIR/h$n.pid")" 2>/dev/null; then echo "host $n: running $(uri "$n")"; else echo "host $n: stopped"; fi
    done ;;
  *) echo "usage: lab.sh up|down|restart|status" >&2; exit 2 ;;
esac
