#!/usr/bin/env bash
# Prints (stdout, one line) the directory of libvirt 11.3.0's own test data that the unit tests of domain-xml and
# manager read: domain XML, device fragments, node devices, domain capabilities, PCI config spaces and the RELAX NG
# schemas. Progress goes to stderr. Run as root on Debian 12; idempotent, and without network once cached.
#   1. $LIBVIRT_TESTDATA, if it is a directory (your own corpus);
#   2. <repo>/../shared/libvirt-11.3.0-testdata, if present ($PASSTHRU_SHARED replaces <repo>/../shared, for tests);
#   3. the cache $LAB_DIR/cache/libvirt-11.3.0-testdata, complete once its .complete marker (the sha256 of the source
#      tarball) exists; else filled from Debian's libvirt 11.3.0 source package (bookworm-backports), fetched by
#      `apt-get source --download-only`: apt checks what it fetches against the signed Sources index, and so does
#      this script for the upstream tarball, the one file it unpacks (only test data and schemas, ~15 MB).
# The tests resolve the corpus by the same rule (domain-xml/src/test/java/io/passthru/xml/TestData.java);
# `mvn ... -Dlibvirt.testdata=DIR` overrides it.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
# lab.env for LAB_DIR; its other settings probe the machine (kernels), so read it without errexit
set +e +o pipefail
. "$here/lab.env"
set -e -o pipefail

name=libvirt-11.3.0-testdata
log() { echo "fetch-corpus: $*" >&2; }

if [ -n "${LIBVIRT_TESTDATA:-}" ] && [ -d "$LIBVIRT_TESTDATA" ]; then
  log "using \$LIBVIRT_TESTDATA"
  (cd "$LIBVIRT_TESTDATA" && pwd)
  exit 0
fi
shared=${PASSTHRU_SHARED:-$repo/../shared}/$name
if [ -d "$shared" ]; then
  log "using the shared corpus beside the repository"
  (cd "$shared" && pwd)
  exit 0
fi

case $LAB_DIR in /*) ;; *) LAB_DIR=$PWD/$LAB_DIR ;; esac
cache_root=$LAB_DIR/cache
corpus=$cache_root/$name
complete() { grep -qsxE '[0-9a-f]{64}' "$corpus/.complete"; }
if complete; then
  echo "$corpus"
  exit 0
fi

mkdir -p "$cache_root"
exec 9>"$cache_root/.$name.lock"
flock 9
if complete; then  # another run filled it while this one waited
  echo "$corpus"
  exit 0
fi
[ "$(id -u)" = 0 ] || { log "not root: cannot fetch libvirt's source package (run as root, or set LIBVIRT_TESTDATA=DIR)"; exit 1; }

# ---- the libvirt 11.3.0 source package of bookworm-backports ----
codename=$(. /etc/os-release; echo "${VERSION_CODENAME:-bookworm}")
suite=${codename}-backports
has_deb_src() {
  grep -hsE "^[[:space:]]*deb-src[[:space:]].*[[:space:]]${suite}([[:space:]]|\$)" \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list && return 0
  # deb822: a stanza whose Types include deb-src and whose Suites include the suite (and not Enabled: no)
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v suite="$suite" '
      function check() { if (src && has && !off) found = 1; src = has = off = 0 }
      /^[[:space:]]*$/ { check(); next }
      tolower($1) == "types:" { for (i = 2; i <= NF; i++) if ($i == "deb-src") src = 1 }
      tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == suite) has = 1 }
      tolower($1) == "enabled:" && tolower($2) == "no" { off = 1 }
      END { check(); exit found ? 0 : 1 }' "$f" && return 0
  done
  return 1
}
src_version() {
  apt-cache madison libvirt 2>/dev/null \
    | awk -F'|' '$3 ~ /Sources/ { gsub(/ /, "", $2); print $2 }' | grep -E '^11\.3\.0-' | sort -V | tail -n1 || true
}
updated=
if ! has_deb_src >/dev/null; then
  log "adding a deb-src entry for $suite (/etc/apt/sources.list.d/passthru-backports-src.sources)"
  cat > /etc/apt/sources.list.d/passthru-backports-src.sources <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: ${suite}
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -qq >&2
  updated=1
fi
version=$(src_version)
if [ -z "$version" ] && [ -z "$updated" ]; then
  apt-get update -qq >&2
  version=$(src_version)
fi
[ -n "$version" ] || { log "no libvirt 11.3.0 source package in $suite (apt-cache madison libvirt)"; exit 1; }

srcdir=$cache_root/libvirt-src
mkdir -p "$srcdir"
# apt downloads as its unprivileged _apt user: let it write the directory, so that the sandbox stays on
if id _apt >/dev/null 2>&1; then chown _apt:root "$srcdir"; fi
log "downloading libvirt $version (source) into $srcdir"
start=$SECONDS
tarball=$srcdir/libvirt_11.3.0.orig.tar.xz
# apt checks every file it fetches against the signed Sources index. Some mirrors (this lab's among them) serve the
# upstream tarball but not the .dsc/.debian.tar.xz: the corpus needs only the tarball, checked again below.
(cd "$srcdir" && apt-get source -q --download-only "libvirt=$version" >&2) \
  || if [ -f "$tarball" ]; then log "apt-get source fetched the upstream tarball but not every other file: using it"
     else log "apt-get source libvirt=$version failed"; exit 1; fi
want=$(apt-cache showsrc libvirt | awk -v v="$version" '
  /^Package:/ { inv = 0 } $1 == "Version:" { inv = ($2 == v) } /^[^ ]/ && $1 != "Checksums-Sha256:" { sums = 0 }
  $1 == "Checksums-Sha256:" { sums = inv; next } sums && $3 == "libvirt_11.3.0.orig.tar.xz" { print $1 }' | head -n1)
sha=$(sha256sum "$tarball" | cut -d' ' -f1)
[ -n "$want" ] && [ "$sha" = "$want" ] \
  || { log "$tarball: sha256 $sha, the Sources index says '$want'"; rm -f "$tarball"; exit 1; }
log "downloaded in $((SECONDS - start)) s: $(du -h "$tarball" | cut -f1), sha256 $sha (as in the Sources index)"

# ---- unpack only the test XML, the PCI config spaces and the schemas, in the corpus layout ----
# corpus subdirectory, source directory (below libvirt-11.3.0/), files. Every file of the directories, not a choice:
# the suites walk the whole corpus. Node devices: the input of libvirt's node device tests, each replaced by its
# expected output where libvirt has one (nodedevxml2xmlout, also the only source of the *_inactive.xml files).
layout=(
  "domain           tests/qemuxmlconfdata         *.xml *.err"
  "domain-generic   tests/genericxml2xmlindata    *.xml"
  "domaincaps       tests/domaincapsdata          *.xml"
  "hotplug-devices  tests/qemuhotplugtestdevices  *.xml"
  "hotplug-domains  tests/qemuhotplugtestdomains  *.xml"
  "nodedev          tests/nodedevschemadata       *.xml"
  "nodedev          tests/nodedevxml2xmlout       *.xml"
  "pcisysfs         tests/virpcitestdata          *.config"
  "agent            tests/qemuagentdata           *.xml"
  "schemas          src/conf/schemas              *.rng"
)
top=libvirt-11.3.0
patterns=("$top/COPYING.LESSER")
for row in "${layout[@]}"; do
  read -r _ from globs <<<"$row"
  set -f
  for g in $globs; do patterns+=("$top/$from/$g"); done
  set +f
done
tmp=$(mktemp -d "$cache_root/.$name.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
log "unpacking the corpus from $(basename "$tarball")"
tar -xJf "$tarball" -C "$tmp" --no-same-owner --wildcards --no-wildcards-match-slash "${patterns[@]}"
# libvirt links identical test files to one another (e.g. an expected output to its input): copies, in the corpus
find "$tmp/$top" -type l -exec sh -c 'for l; do cp --remove-destination -- "$(readlink -e -- "$l")" "$l"; done' sh {} +
mkdir "$tmp/$name"
mv "$tmp/$top/COPYING.LESSER" "$tmp/$name/"
for row in "${layout[@]}"; do
  read -r to from _ <<<"$row"
  mkdir -p "$tmp/$name/$to"
  find "$tmp/$top/$from" -maxdepth 1 -type f -exec mv -f -t "$tmp/$name/$to" {} +
  rmdir "$tmp/$top/$from"
done
summary=()
for to in $(printf '%s\n' "${layout[@]}" | awk '!seen[$1]++ { print $1 }'); do
  n=$(find "$tmp/$name/$to" -type f | wc -l)
  [ "$n" -gt 0 ] || { log "no files for $to"; exit 1; }
  summary+=("$to" "$n")
done
[ -f "$tmp/$name/schemas/domain.rng" ] || { log "no domain.rng in the unpacked schemas"; exit 1; }
echo "$sha" > "$tmp/$name/.complete"  # last file: the corpus is complete once it is in place
chmod -R a+rX "$tmp/$name"
rm -rf "$corpus"  # an incomplete corpus (no marker) left by an interrupted run
mv -T "$tmp/$name" "$corpus"
log "corpus in $corpus ($(du -sh "$corpus" | cut -f1)), files per directory:"
printf '  %-16s %5s\n' "${summary[@]}" >&2
echo "$corpus"
