#!/usr/bin/env bash
# The outage benchmark (docs/benchmarks.md "Outage benchmark"; issues 8, 22, 23): six ways of live-migrating a guest on the nested
# lab (passthru's bond flow, libvirt's virtio-net failover, unplug-replug with an SR-IOV VF, a virtio-only guest as
# the reference, a guest holding the e1000e moved by the hotplug strategy, and a guest holding an mtty mdev whose
# state QEMU migrates), alternately host 1 -> host 2 and back, while host 2's peer pings each guest every 10 ms.
# Options (passed to io.passthru.lab.OutageBenchmark): --runs N (default 3), --mode MODE (repeatable: only those
# modes, e.g. --mode hotplug), --out DIR (default
# integration-tests/target/bench; a relative DIR is taken from the checkout's root). Writes DIR/outage.csv and
# DIR/outage.md and prints the tables. About 12 minutes with the defaults (2026-12-07); not part of CI.
# Like run-demo.sh it installs what is missing, builds passthru and uses the running lab, or boots it; the lab
# keeps running afterwards (integration-tests/lab/lab.sh down stops it).
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
args=(); [ $# -eq 0 ] || args=("-Dexec.args=$*")
mvn -B -ntp -q -pl integration-tests exec:java -Dexec.mainClass=io.passthru.lab.OutageBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false ${args[@]+"${args[@]}"}
