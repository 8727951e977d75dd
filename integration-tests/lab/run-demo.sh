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
"$lab/build-images.sh" >/dev/null
# the lab the tests left up is used as it is (status is read whole: grep -q would close the pipe early)
status=$("$lab/lab.sh" status)
case $status in *"host 1: running"*"host 2: running"*) echo "== using the running lab";;
  *) "$lab/lab.sh" down >/dev/null; "$lab/lab.sh" up;; esac
mvn -B -ntp -q -pl integration-tests exec:java -Dexec.mainClass=io.passthru.lab.Demo -Dexec.classpathScope=test \
  -Dexec.cleanupDaemonThreads=false
