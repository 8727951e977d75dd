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
# A lab host (a TCG machine running KVM inside) sometimes dies, resets itself or stalls under a test; it takes with it
# the guests the rest of that test class builds on. LabHealth then reboots it, skips the rest of the class and names
# the class in target/lab-reruns.txt. Those classes, and the classes that failed, run once more here, each from its
# @BeforeAll on hosts booted afresh; the first run's reports are kept in target/failsafe-reports-first. A class that
# fails again, or a host that dies again under the second run, fails the command. More than LAB_RERUN_MAX (4) such
# classes is no lab accident: the command fails without a second run.
it=integration-tests/target
reruns=$it/lab-reruns.txt
rm -rf "$reruns" "$it/failsafe-reports" "$it/failsafe-reports-first"
first=0
mvn -B -ntp verify -Plab -pl integration-tests "${groups[@]}" || first=$?
classes() { # the lab test classes with a failed or erring test in the reports, and those given up in lab-reruns.txt
  { grep -l -E '<(failure|error)[ >]' "$it"/failsafe-reports/TEST-*.xml 2>/dev/null \
      | sed -e 's|.*/TEST-||' -e 's|\.xml$||' -e 's|.*\.||' || true
    [ ! -f "$reruns" ] || cut -f1 "$reruns"; } | sort -u
}
again=$(classes | paste -sd, -)
if [ "$first" != 0 ] || [ -n "$again" ]; then
  [ -n "$again" ] || { echo "== the lab tests failed before any test class ran (exit $first)" >&2; exit 1; }
  count=$(echo "$again" | tr ',' '\n' | wc -l)
  if [ "$count" -gt "${LAB_RERUN_MAX:-4}" ]; then
    echo "== $count lab test classes failed or were given up ($again): more than a lab accident, not run again" >&2
    exit 1
  fi
  echo "== lab flakes: $again failed or lost a lab host; each runs once more from its @BeforeAll:"
  [ ! -f "$reruns" ] || sed 's/^/   given up: /' "$reruns"
  mv "$it/failsafe-reports" "$it/failsafe-reports-first"
  mv "$reruns" "$it/lab-reruns-first.txt" 2>/dev/null || true
  mvn -B -ntp verify -Plab -pl integration-tests "${groups[@]}" -Dit.test="$again" -Dfailsafe.failIfNoSpecifiedTests=false
  if [ -f "$reruns" ]; then
    echo "== a lab host went down again under the second run of $again; tests were skipped:" >&2
    sed 's/^/   /' "$reruns" >&2
    exit 1
  fi
  echo "== lab flakes passed on their second run: $again"
fi
echo "== all tests passed in $((SECONDS - start)) s"
