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
echo "== nested lab: images, then the hosts boot while the build and the unit tests run"
"$lab/lab.sh" down >/dev/null 2>&1 || true
"$lab/build-images.sh" >/dev/null
[ "${LAB_KEEP:-0}" = 1 ] || trap '"$lab/lab.sh" down >/dev/null 2>&1 || true' EXIT
# hosts 1 and 2, and host 3 without vIOMMU for the readiness tests, boot at once, and the Debian 12 guest's image
# (DistroGuestLabIT; cached between runs) is built meanwhile: the hosts need only the images and this checkout's
# scripts (the build's output is read inside them later, by the tests), so the boot (CPU), the image (mostly
# downloads) and Maven's downloads overlap. Any of them failing fails the run.
export LAB_BOOT_TIMEOUT=${LAB_BOOT_TIMEOUT:-600}
"$lab/lab.sh" up-suite & up=$!
"$lab/build-distro-image.sh" & distro=$!
# libvirt 11.3.0's own test XML and schemas for the unit tests: $LIBVIRT_TESTDATA if set,
# ../shared beside the checkout where it exists, else fetched once from Debian's libvirt source package into the
# lab's cache (fetch-corpus.sh)
corpus=$("$lab/fetch-corpus.sh")
echo "== unit tests (libvirt test corpus: $corpus)"
mvn -B -ntp install -Dlibvirt.testdata="$corpus" -Dpassthru.testHooks=true
wait "$distro"
wait "$up"
echo "== end-to-end tests on the lab ($((SECONDS - start)) s since the start)"
mvn -B -ntp verify -Plab -pl integration-tests "${groups[@]}"
echo "== all tests passed in $((SECONDS - start)) s"
