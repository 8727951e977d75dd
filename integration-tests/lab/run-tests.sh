#!/usr/bin/env bash
# passthru's test command (README "Run the tests", called by .ci/run): installs what is missing (Debian packages,
# Maven), builds and runs the unit tests, boots the nested lab (two SR-IOV hosts) and runs the end-to-end tests on
# it. Exit status 0 only when everything passed. The lab is stopped at the end, unless LAB_KEEP=1 (.ci/run keeps it
# for the demo that follows). With --all the extended lab tier runs too (JUnit tag "extended": the rest of the fault
# matrix and the evacuation makespans; about an hour more on a two-CPU machine).
set -euo pipefail
groups=()
case "${1:-}" in
  "") ;;
  --all) groups=(-Dlab.excludedGroups=nothing-excluded);;
  *) echo "usage: $0 [--all]   (--all: the extended lab tier too)" >&2; exit 2;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
lab=$root/integration-tests/lab
start=$SECONDS
"$lab/install-deps.sh"
cd "$root"
echo "== unit tests"
mvn -B -ntp install
echo "== nested lab"
"$lab/lab.sh" down >/dev/null 2>&1 || true
"$lab/build-images.sh" >/dev/null
"$lab/build-distro-image.sh"   # the Debian 12 guest (DistroGuestLabIT); cached between runs
[ "${LAB_KEEP:-0}" = 1 ] || trap '"$lab/lab.sh" down >/dev/null 2>&1 || true' EXIT
# hosts 1 and 2, and host 3 without vIOMMU for the readiness tests, boot at once (in the time of the slowest, not
# of host 3 after the other two); either failing fails the run
"$lab/lab.sh" up & up12=$!
"$lab/lab.sh" up --host 3 --no-viommu & up3=$!
wait "$up12"
wait "$up3"
echo "== end-to-end tests on the lab"
mvn -B -ntp verify -Plab -pl integration-tests "${groups[@]}"
echo "== all tests passed in $((SECONDS - start)) s"
