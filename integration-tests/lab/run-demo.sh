#!/usr/bin/env bash
# passthru's main job on a fresh machine (README "Run the demo"): installs what is missing, builds passthru, boots
# the nested lab, starts a guest with a VF bonded to a virtio NIC on host 1, and live-migrates it to host 2 with
# `passthru migrate` while a peer pings it. Prints passthru's timeline and the pings lost. The lab keeps running
# afterwards (integration-tests/lab/lab.sh down stops it).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lab=$root/integration-tests/lab
"$lab/install-deps.sh"
cd "$root"
mvn -B -ntp -q install -DskipTests
# the lab the tests left up is used as it is, with its images: they are not rebuilt under running hosts, which read
# them over 9p (status is read whole: grep -q would close the pipe early)
status=$("$lab/lab.sh" status)
case $status in *"host 1: running"*"host 2: running"*) echo "== using the running lab";;
  *) "$lab/build-images.sh" >/dev/null; "$lab/lab.sh" down >/dev/null; "$lab/lab.sh" up;; esac
demo() {
  mvn -B -ntp -q -pl integration-tests exec:java -Dexec.mainClass=io.passthru.lab.Demo -Dexec.classpathScope=test \
    -Dexec.cleanupDaemonThreads=false
}
# libvirtd of lab host N answers within 30 s
alive() { timeout 40 virsh -q -c "qemu+tcp://127.0.0.1:$((${LAB_LIBVIRT_PORT_BASE:-16508} + $1))/system" version >/dev/null 2>&1; }
# a lab host is a TCG machine running KVM inside and has been seen to freeze or panic (once under this demo: host 2
# froze as the incoming guest was created; passthru rolled back on host 1 and said so); a failure with a dead host
# reboots hosts 1 and 2 together and runs the demo once more, saying why; a failure with both hosts alive is final
for h in 1 2; do alive "$h" || { echo "== lab host $h does not answer: rebooting hosts 1 and 2"; "$lab/lab.sh" restart --host 1; "$lab/lab.sh" restart --host 2; break; }; done
if ! demo; then
  dead=
  for h in 1 2; do alive "$h" || dead="$dead $h"; done
  [ -n "$dead" ] || exit 1
  echo "== the demo failed and lab host(s)$dead stopped answering; the end of each console:"
  for h in $dead; do tail -n 15 "/var/tmp/passthru-lab/h$h.console.log" 2>/dev/null || true; done
  echo "== rebooting hosts 1 and 2 and running the demo once more"
  "$lab/lab.sh" restart --host 1
  "$lab/lab.sh" restart --host 2
  demo
fi
