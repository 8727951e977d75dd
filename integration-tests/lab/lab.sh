#!/usr/bin/env bash
# passthru nested lab: two SR-IOV hosts (L1) under QEMU TCG, each with an intel vIOMMU, an igb PF with VFs,
# KVM inside (nested SVM) and libvirtd on qemu+tcp://127.0.0.1:PORT/system.
#   lab.sh up [--host N --no-viommu --pf-down --vfs N --numa|--no-numa]
#                                                 boot the hosts (default: hosts 1 and 2) and wait for libvirtd
#   lab.sh up-suite                               boot the test command's lab: hosts 1 and 2, host 3 without vIOMMU
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

boot() { # N [viommu:1|0] [pfdown:0|1] [vfs] [numa:0|1]
  # hosts 1 and 2 are wired to each other; further hosts (readiness tests) get carriers that lead nowhere
  local n=$1 viommu=${2:-1} pfdown=${3:-0} vfs=${4:-$LAB_NUM_VFS} numa=${5:-0} other=$(( $1 == 1 ? 2 : ($1 == 2 ? 1 : 90 + $1) ))
  local port=$((LAB_LIBVIRT_PORT_BASE + n))
  local wl=$((LAB_UDP_BASE + n)) wr=$((LAB_UDP_BASE + other))
  local ml=$((LAB_UDP_BASE + 10 + n)) mr=$((LAB_UDP_BASE + 10 + other))
  local iommu_dev=() iommu_args="intel_iommu=on iommu=pt"
  if [ "$viommu" = 1 ]; then iommu_dev=(-device intel-iommu,intremap=on,caching-mode=on); else iommu_args="intel_iommu=off"; fi
  [ -f "$LAB_DIR/h$n.pid" ] && kill -0 "$(cat "$LAB_DIR/h$n.pid")" 2>/dev/null && { echo "host $n already running"; return; }
  [ -f "$LAB_DIR/h$n.console.log" ] && mv "$LAB_DIR/h$n.console.log" "$LAB_DIR/h$n.console.log.old"
  [ -f "$LAB_DIR/h$n.qemu.log" ] && mv "$LAB_DIR/h$n.qemu.log" "$LAB_DIR/h$n.qemu.log.old"
  rm -f "$LAB_DIR/h$n-qga.sock"
  echo "$viommu $pfdown $vfs $numa" > "$LAB_DIR/h$n.opts"
  # two NUMA nodes (numa=1): one socket of two cores, a core and half the memory on each node (Nova's "socket"
  # policy then has two nodes on one socket), and a PCIe expander bridge on each node (its _PXM puts what sits behind
  # it on that node in sysfs' numa_node and libvirt's node device XML), each with an e1000e: 0000:41:00.0 on node 0
  # (MAC ...:09), 0000:81:00.0 on node 1 (MAC ...:08); the e1000e at 02:00.0 on the root bus has no NUMA node (-1).
  # Three equivalents for the NUMA policies to choose between; their wires (hub 4) lead nowhere
  local numa_args=() numa_devs=() smp=$LAB_HOST_CPUS mtty_arg=
  # mtty.ko (build-mtty.sh), loaded by l1-init.sh: every host can give its guests mediated serial devices (mdevs)
  [ ! -f "$LAB_DIR/mtty/$LAB_KVER/mtty.ko" ] || mtty_arg=" passthru.mtty=$LAB_DIR/mtty/$LAB_KVER/mtty.ko"
  if [ "$numa" = 1 ]; then
    local half=$((LAB_HOST_MEM_MIB / 2)) c=$((LAB_HOST_CPUS / 2))
    smp="$LAB_HOST_CPUS,sockets=1,cores=$LAB_HOST_CPUS,threads=1"
    numa_args=(-object memory-backend-ram,id=mem0,size=${half}M
      -object memory-backend-ram,id=mem1,size=$((LAB_HOST_MEM_MIB - half))M
      -numa node,nodeid=0,cpus=0-$((c - 1)),memdev=mem0 -numa node,nodeid=1,cpus=$c-$((LAB_HOST_CPUS - 1)),memdev=mem1)
    # after every device QEMU places by itself: it would put the next one on the expander's bus, which takes bridges only
    numa_devs=(-netdev hubport,id=he1k0,hubid=4 -device pxb-pcie,id=pxb0,bus_nr=64,numa_node=0,bus=pcie.0
      -device pcie-root-port,id=rp5,bus=pxb0,chassis=5,slot=0 -device e1000e,netdev=he1k0,bus=rp5,mac=52:54:00:00:0$n:09
      -device pxb-pcie,id=pxb1,bus_nr=128,numa_node=1,bus=pcie.0
      -device pcie-root-port,id=rp4,bus=pxb1,chassis=4,slot=0 -netdev hubport,id=he1k2,hubid=4
      -device e1000e,netdev=he1k2,bus=rp4,mac=52:54:00:00:0$n:08)
  fi
  # -d cpu_reset: QEMU logs each CPU reset with the CPU's state to hN.qemu.log, after "Triple fault" when the host's
  # own CPU caused it (on 2026-12-07 6.12 hosts reset themselves with no panic on their consoles; LabHealth prints it).
  # la57=off: 4-level paging in the hosts. The first reset caught so (2026-12-07, host 1 under VfPolicyLabIT) was a
  # triple fault in a kvm module with CR4.LA57 set and CR2 = the IDT's entry for #DF (the CPU could not read its own
  # IDT to deliver a double fault): TCG's nested SVM with 5-level paging is the rarely run path; 4-level is the common one
  qemu-system-x86_64 -name "passthru-h$n" -uuid "5a5a5a5a-0000-4000-8000-00000000000$n" \
    -machine q35,kernel-irqchip=split -global q35-pcihost.pci-hole64-size=0 -accel "${LAB_ACCEL:-tcg}" -cpu max,phys-bits=32,la57=off -smp "$smp" -m "$LAB_HOST_MEM_MIB" \
    "${iommu_dev[@]}" "${numa_args[@]}" \
    -kernel "$LAB_DIR/vmlinuz" -initrd "$LAB_DIR/host-initrd.img" \
    -append "console=ttyS0 $iommu_args pci=realloc=off no_timer_check passthru.init=$here/l1-init.sh passthru.host=$n passthru.vfs=$vfs passthru.pfdown=$pfdown$mtty_arg" \
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
    -device virtserialport,chardev=qga,name=org.qemu.guest_agent.0 "${numa_devs[@]}" \
    -serial file:"$LAB_DIR/h$n.console.log" -display none -monitor unix:"$LAB_DIR/h$n-monitor.sock",server=on,wait=off \
    -d cpu_reset -D "$LAB_DIR/h$n.qemu.log" ${LAB_QEMU_EXTRA:-} -daemonize -pidfile "$LAB_DIR/h$n.pid"
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

# ---- boot watchdog ----
# A TCG host on a loaded 2-core machine sometimes stops in early boot: seen, a console silent 1.7 s into the kernel
# (PCI enumeration, timestamps no longer advancing), and panics ("timer doesn't work through Interrupt-remapped
# IO-APIC"). wait_ready watches the console while a host boots, and a host that stops making progress is killed and
# booted again with the same options, up to LAB_BOOT_TRIES boots, each time saying why with the console's last lines.
# Progress is new console output whose kernel timestamps advance (or userspace lines of l1-init.sh). Hung means:
#  - no progress for LAB_BOOT_SILENCE s before l1-init.sh says "ready" (console silent, or still printing with its
#    kernel timestamps stuck);
#  - "Kernel panic" on the console, or the host's QEMU gone;
#  - libvirtd not answering LAB_LIBVIRTD_WAIT s after "ready" (libvirtd probes QEMU's capabilities first, silently);
#  - not ready LAB_BOOT_TIMEOUT s after the boot began (a backstop).
# The bounds come from boot-stress.sh's measurements of healthy boots under the test command's load (docs/lab.md "The
# nested lab"). Every boot's outcome is appended to $LAB_DIR/boot.log (one line each, for boot-stress.sh):
#   ready N=<host> try=<k> s=<boot to libvirtd> kernel=<boot to "ready"> silence=<longest> at=<where: before-kernel,
#         kernel-<timestamp ending it>, userspace> probe=<"ready" to libvirtd>
#   retry N=<host> try=<k> s=<when> reason=<why>
LAB_BOOT_TRIES=${LAB_BOOT_TRIES:-4}
# 90 s: the longest silence before "ready" of 30 healthy boots (10 of the three hosts at once, under Maven and
# debootstrap) was 40 s, in l1-init.sh's steps; CI machines have run the lab up to 1.5 times slower than that one
LAB_BOOT_SILENCE=${LAB_BOOT_SILENCE:-90}
# 300 s: libvirtd answered 37-83 s after "ready" in those boots (its QEMU capability probe)
LAB_LIBVIRTD_WAIT=${LAB_LIBVIRTD_WAIT:-300}

libvirtd_answers() { # N
  timeout 20 virsh -q -c "$(uri "$1")" version >/dev/null 2>&1 &&
    timeout 20 virsh -q -c "$(uri "$1")" nodedev-list --cap pci >/dev/null 2>&1
}

last_kernel_ts() { # FILE: the last kernel timestamp on the console, in ms (0 before the first)
  { grep -ao '^\[ *[0-9]*\.[0-9]*\]' "$1" 2>/dev/null || true; } | tail -n1 | tr -d '[] ' | awk -F. '{print $1*1000+substr($2"000",1,3)+0} END{if(NR==0)print 0}'
}

wait_ready() { # N TIMEOUT_S: waits for host N's libvirtd, rebooting a hung host; 1 if it never came up
  local n=$1 timeout=$2 con=$LAB_DIR/h$1.console.log try=1 reason= viommu pfdown vfs
  local t0 progress_t size last_size ts last_ts userlines last_userlines ready_t silence longest longest_at pid
  while :; do
    t0=$SECONDS; progress_t=$SECONDS; last_size=-1; last_ts=0; last_userlines=0; ready_t=; longest=0; longest_at=-; reason=
    while :; do
      # libvirtd is asked only once l1-init.sh has started it: before that, the port forward accepts and the call
      # waits for the host's network, which would blind the watchdog
      [ -z "$ready_t" ] && grep -aq '^passthru-lab: ready' "$con" 2>/dev/null && ready_t=$SECONDS
      if [ -n "$ready_t" ] && libvirtd_answers "$n"; then
        echo "host $n: ready after $((SECONDS - t0)) s (boot $try, longest console silence ${longest} s at $longest_at, \"ready\" after $(( ${ready_t:-$SECONDS} - t0 )) s, libvirtd $(( SECONDS - ${ready_t:-$SECONDS} )) s later; $(uri "$n"))"
        echo "ready N=$n try=$try s=$((SECONDS - t0)) kernel=$(( ${ready_t:-$SECONDS} - t0 )) silence=$longest at=$longest_at probe=$(( SECONDS - ${ready_t:-$SECONDS} ))" >> "$LAB_DIR/boot.log"
        return 0
      fi
      size=$(stat -c %s "$con" 2>/dev/null || echo 0)
      if [ "$size" != "$last_size" ]; then
        ts=$(last_kernel_ts "$con"); userlines=$(grep -ac '^passthru-lab:' "$con" 2>/dev/null || true)
        # progress: the kernel's clock moved on, l1-init.sh printed, or output before the kernel's first timestamp
        if [ "$ts" -gt "$last_ts" ] || [ "${userlines:-0}" -gt "$last_userlines" ] || { [ "$ts" = 0 ] && [ "$size" -gt 0 ]; }; then
          silence=$((SECONDS - progress_t))
          # the longest silence before "ready" (the bound's measure; libvirtd's probe after it is silent by nature)
          if [ -z "$ready_t" ] && [ "$silence" -gt "$longest" ]; then
            longest=$silence
            if [ "$last_ts" = 0 ]; then longest_at=before-kernel; elif [ "$ts" = "$last_ts" ]; then longest_at=userspace
            else longest_at=kernel-$((ts / 1000)).$(printf %03d $((ts % 1000)))s; fi
          fi
          progress_t=$SECONDS
        fi
        last_size=$size; last_ts=$ts; last_userlines=${userlines:-0}
      fi
      pid=$(cat "$LAB_DIR/h$n.pid" 2>/dev/null || true)
      if grep -aq 'Kernel panic' "$con" 2>/dev/null; then reason="kernel panic: $(grep -a -m1 'Kernel panic' "$con" | tr -d '\r')"
      elif [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then reason="its QEMU exited"
      elif [ -z "$ready_t" ] && [ $((SECONDS - progress_t)) -ge "$LAB_BOOT_SILENCE" ]; then
        if [ "$last_size" -gt 0 ] && [ "$(stat -c %Y "$con" 2>/dev/null || echo 0)" -gt $(( $(date +%s) - LAB_BOOT_SILENCE )) ]; then
          reason="kernel timestamps stuck at $((last_ts / 1000)).$(printf %03d $((last_ts % 1000))) s for $LAB_BOOT_SILENCE s while the console still printed"
        else
          reason="console silent for $LAB_BOOT_SILENCE s ($((SECONDS - t0)) s into the boot, last kernel timestamp $((last_ts / 1000)).$(printf %03d $((last_ts % 1000))) s)"
        fi
      elif [ -n "$ready_t" ] && [ $((SECONDS - ready_t)) -ge "$LAB_LIBVIRTD_WAIT" ]; then
        reason="libvirtd did not answer within $LAB_LIBVIRTD_WAIT s of l1-init.sh's \"ready\""
      elif [ $((SECONDS - t0)) -ge "$timeout" ]; then reason="libvirtd not ready after $timeout s"
      fi
      [ -n "$reason" ] && break
      sleep 2
    done
    echo "retry N=$n try=$try s=$((SECONDS - t0)) reason=$reason" >> "$LAB_DIR/boot.log"
    echo "host $n: boot $try of $LAB_BOOT_TRIES hung: $reason. Console's last lines:" >&2
    { [ -s "$con" ] && tail -n 15 "$con" | tr -d '\r' | sed 's/^/    /'; } >&2 || echo "    (nothing: the console is empty)" >&2
    if [ "$try" -ge "$LAB_BOOT_TRIES" ]; then
      echo "host $n: not ready after $try boots; giving up (console: $con)" >&2
      return 1
    fi
    try=$((try + 1))
    read -r viommu pfdown vfs numa < "$LAB_DIR/h$n.opts"
    cp "$con" "$con.hung$((try - 1))" 2>/dev/null || true
    stop_host "$n"; boot "$n" "$viommu" "$pfdown" "$vfs" "${numa:-0}" >&2
  done
}

wait_all() { # TIMEOUT_S N...: waits for every host at once (a hang of one is seen while another boots)
  local timeout=$1 rc=0 pids=(); shift
  for n in "$@"; do wait_ready "$n" "$timeout" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  return $rc
}

ensure_images() { [ -f "$LAB_DIR/host-initrd.img" ] && [ -f "$LAB_DIR/guest-initrd.img" ] || "$here/build-images.sh" >/dev/null; }

cmd=${1:-up}; shift || true
case $cmd in
  up)
    hosts=(1 2); viommu=1; pfdown=0; vfs=$LAB_NUM_VFS; numa=
    while [ $# -gt 0 ]; do case $1 in
      --host) hosts=($2); shift 2;; --no-viommu) viommu=0; shift;; --pf-down) pfdown=1; shift;;
      --vfs) vfs=$2; shift 2;; --numa) numa=1; shift;; --no-numa) numa=0; shift;;
      *) echo "unknown option $1" >&2; exit 2;; esac; done
    ensure_images
    # hosts 1 and 2 have two NUMA nodes unless --no-numa; others one unless --numa
    for n in "${hosts[@]}"; do boot "$n" "$viommu" "$pfdown" "$vfs" "${numa:-$([ "$n" -le 2 ] && echo 1 || echo 0)}"; done
    wait_all "${LAB_BOOT_TIMEOUT:-600}" "${hosts[@]}" ;;
  up-suite)
    # the lab of the test command (run-tests.sh) and of boot-stress.sh: hosts 1 and 2, and host 3 without vIOMMU for
    # the readiness tests
    ensure_images
    # LAB_BOOT_STAGGER=kernel starts each host once the one before has left its kernel's early boot (its initramfs
    # printed, or LAB_BOOT_SILENCE s passed: the watchdog then deals with it); =none starts all three at once
    stagger=${LAB_BOOT_STAGGER:-none}
    case $stagger in none|kernel) ;; *) echo "LAB_BOOT_STAGGER must be none or kernel, not '$stagger'" >&2; exit 2;; esac
    for h in 1 2 3; do
      if [ "$stagger" = kernel ] && [ "$h" -gt 1 ]; then
        for _ in $(seq "$LAB_BOOT_SILENCE"); do
          grep -aq '^passthru-lab: initramfs' "$LAB_DIR/h$((h - 1)).console.log" 2>/dev/null && break; sleep 1
        done
      fi
      boot "$h" "$([ "$h" = 3 ] && echo 0 || echo 1)" 0 "$LAB_NUM_VFS" "$([ "$h" = 3 ] && echo 0 || echo 1)"
    done
    wait_all "${LAB_BOOT_TIMEOUT:-600}" 1 2 3 ;;
  restart)
    [ "${1:-}" = --host ] && [ -n "${2:-}" ] || { echo "usage: lab.sh restart --host N" >&2; exit 2; }
    n=$2; read -r viommu pfdown vfs numa < "$LAB_DIR/h$n.opts" 2>/dev/null || { viommu=1; pfdown=0; vfs=; numa=; }
    stop_host "$n"
    boot "$n" "$viommu" "$pfdown" "${vfs:-$LAB_NUM_VFS}" "${numa:-0}"
    wait_ready "$n" "${LAB_BOOT_TIMEOUT:-600}" ;;
  down)
    if [ "${1:-}" = --host ]; then stop_host "$2"; echo "host $2 down"; exit 0; fi
    for p in "$LAB_DIR"/h*.pid; do [ -f "$p" ] || continue; n=${p##*/h}; stop_host "${n%.pid}"; done; echo "lab down" ;;
  status)
    for n in 1 2 3 4; do
      if [ -f "$LAB_DIR/h$n.pid" ] && kill -0 "$(cat "$LAB_DIR/h$n.pid")" 2>/dev/null; then echo "host $n: running $(uri "$n")"; else echo "host $n: stopped"; fi
    done ;;
  *) echo "usage: lab.sh up|up-suite|down|restart|status" >&2; exit 2 ;;
esac
