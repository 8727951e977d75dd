#!/usr/bin/env bash
# Smoke test of the Vagrant lab: installs what is missing, builds passthru, starts the private L0 libvirtd,
# builds the box if needed, `vagrant up` (h1 and h2), then on the hosts' own libvirtd:
#   passthru check-host --connect qemu+tcp://127.0.0.1:1654N/system   for N = 1, 2 (must exit 0)
#   a guest (integration-tests/lab's guest image and lab-guest.xml) on h1, a free VF attached and bonded
#   passthru migrate of that guest from h1 to h2 over the migration link; prints passthru's timeline
# and finally `vagrant destroy -f` and stops the L0 libvirtd, unless KEEP=1.
# Environment: KEEP=1 (leave the lab up), SKIP_BUILD=1 (use the passthru already built), MVN_ARGS (extra Maven
# arguments, e.g. -Dmaven.repo.local=...), REBUILD_BOX=1, and those of vagrant.env and the Vagrantfile.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/vagrant.env"
cli=$root/manager/target/passthru/bin/passthru
guest=pv-smoke
guest_mac=52:54:00:a1:00:80
guest_addr=192.0.2.80
uri() { echo "qemu+tcp://127.0.0.1:$((PV_LIBVIRT_PORT_BASE + $1))/system"; }
t0=$SECONDS
step() { printf '== [%4ds] %s\n' $((SECONDS - t0)) "$*"; }
mkdir -p "$PV_DIR/logs"

cleanup() {
  local rc=$?
  if [ "${KEEP:-0}" = 1 ]; then
    step "KEEP=1: lab left up (cd vagrant && . ./vagrant.env && vagrant destroy -f; ./l0-libvirtd.sh stop)"
  else
    step "vagrant destroy -f"
    if ! (cd "$here" && vagrant destroy -f >"$PV_DIR/logs/destroy.log" 2>&1); then
      echo "vagrant destroy failed ($(grep -m1 -v '^\s*from ' "$PV_DIR/logs/destroy.log" | cut -c1-200)); undefining the hosts in L0" >&2
      for d in passthru-vagrant-h1 passthru-vagrant-h2; do
        virsh -q -c "$PV_LIBVIRT_URI" destroy "$d" >/dev/null 2>&1 || true
        virsh -q -c "$PV_LIBVIRT_URI" undefine "$d" --remove-all-storage >/dev/null 2>&1 || true
      done
      rm -rf "$VAGRANT_DOTFILE_PATH/machines"
    fi
    "$here/l0-libvirtd.sh" stop
  fi
  step "done, exit $rc"
}

step "dependencies"
"$here/install-deps.sh"
if [ "${SKIP_BUILD:-0}" = 1 ] && [ -x "$cli" ]; then
  step "passthru: using $cli (SKIP_BUILD=1)"
else
  step "building passthru (mvn package -DskipTests)"
  (cd "$root" && mvn -B -ntp -q ${MVN_ARGS:-} package -DskipTests)
fi
step "L0 libvirtd"
"$here/l0-libvirtd.sh" start
trap cleanup EXIT
box_stamp=$(ls -d "$VAGRANT_HOME"/boxes/passthru-VAGRANTSLASH-sriov-host/*/libvirt/source.sha256 2>/dev/null | sort -V | tail -n1 || true)
source_sum=$(cat "$here/build-box.sh" "$here/l1-init.sh" | sha256sum | cut -d' ' -f1)
if [ "${REBUILD_BOX:-0}" = 1 ] || [ -z "$box_stamp" ] || [ "$(cat "$box_stamp")" != "$source_sum" ]; then
  step "building the box"
  "$here/build-box.sh"
fi

step "vagrant up (h1, h2; TCG hosts take one to two minutes)"
up0=$SECONDS
if ! (cd "$here" && vagrant up) > "$PV_DIR/logs/up.log" 2>&1; then
  echo "vagrant up failed: see $PV_DIR/logs/up.log" >&2; tail -n 20 "$PV_DIR/logs/up.log" >&2; exit 1
fi
grep -E '^==> h[12]: (Creating domain with|Starting domain|Machine booted)|^Bringing' "$PV_DIR/logs/up.log" || true
(cd "$here" && vagrant status) | grep -E '^h[12] '
step "vagrant up took $((SECONDS - up0)) s"

for n in 1 2; do
  deadline=$((SECONDS + 300))
  until virsh -q -c "$(uri $n)" nodedev-list --cap pci >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "h$n: libvirtd not answering on $(uri $n)" >&2; exit 1; }
    sleep 2
  done
done
for n in 1 2; do
  step "passthru check-host --connect $(uri $n)"
  "$cli" check-host --connect "$(uri $n)"
done

step "guest $guest on h1 ($guest_addr, MAC $guest_mac)"
virsh -q -c "$(uri 1)" destroy "$guest" >/dev/null 2>&1 || true
virsh -q -c "$(uri 1)" undefine "$guest" >/dev/null 2>&1 || true
sed -e "s|@NAME@|$guest|" -e "s|@LAB_DIR@|$PV_IMAGES|g" -e "s|@ADDR@|$guest_addr/24|" -e "s|@MAC@|$guest_mac|" \
  "$root/integration-tests/src/test/resources/lab-guest.xml" > "$PV_DIR/$guest.xml"
virsh -q -c "$(uri 1)" define "$PV_DIR/$guest.xml" >/dev/null
virsh -q -c "$(uri 1)" start "$guest" >/dev/null
g0=$SECONDS; deadline=$((SECONDS + 300))
until virsh -q -c "$(uri 1)" qemu-agent-command "$guest" '{"execute":"guest-ping"}' >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || { echo "guest agent of $guest silent after 300 s" >&2; exit 1; }
  sleep 2
done
step "guest agent answers after $((SECONDS - g0)) s"

vf=$("$cli" list-vfs --connect "$(uri 1)" -o json | jq -r '[.[].vfs[] | select(.usedBy == null) | .address][0] // empty')
[ -n "$vf" ] || { echo "h1 has no free VF" >&2; exit 1; }
step "passthru attach $guest --vf $vf --mac $guest_mac --bond bond0"
"$cli" attach "$guest" --connect "$(uri 1)" --vf "$vf" --mac "$guest_mac" --bond bond0

# h2's peer NIC (192.0.2.102) pings the guest across the lab wire during the migration
ssh_h2() {
  ssh -q -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes \
    -i "$VAGRANT_HOME/insecure_private_key" -p $((PV_SSH_PORT_BASE + 2)) root@127.0.0.1 "$@"
}
ssh_h2 "ping -n -i 0.2 -w 600 -I 192.0.2.102 $guest_addr" > "$PV_DIR/logs/ping.log" 2>&1 &
ping_pid=$!
sleep 3
step "passthru migrate $guest --connect $(uri 1) --to $(uri 2) --migrate-uri tcp://198.51.100.2"
m0=$SECONDS
"$cli" migrate "$guest" --connect "$(uri 1)" --to "$(uri 2)" --migrate-uri tcp://198.51.100.2
step "passthru migrate took $((SECONDS - m0)) s"
sleep 3
ssh_h2 "pkill -INT -x ping" || true
wait "$ping_pid" 2>/dev/null || true
grep -E 'packets transmitted' "$PV_DIR/logs/ping.log" | sed 's/^/   ping from h2 peer: /' || echo "   (no ping summary: $PV_DIR/logs/ping.log)"
virsh -q -c "$(uri 2)" list | grep -w "$guest" | sed 's/^/   on h2: /'
virsh -q -c "$(uri 2)" destroy "$guest" >/dev/null 2>&1 || true
virsh -q -c "$(uri 2)" undefine "$guest" >/dev/null 2>&1 || true
step "smoke passed: check-host h1 and h2, attach, migrate h1 -> h2"
