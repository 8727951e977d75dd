#!/usr/bin/env bash
# Builds the Vagrant box passthru/sriov-host (provider libvirt) on this machine and adds it to Vagrant.
# No box registry is reachable, so the box is made from what Debian's packages put on this machine:
#   - vmlinuz, host-initrd.img: the nested lab's boot images, made by integration-tests/lab/build-images.sh
#     (Debian's kernel; a busybox initramfs that mounts this machine's root read-only over virtio-9p under a
#     tmpfs overlay and hands over to the init named on the kernel command line)
#   - l1-init.sh: the host's init (vagrant/l1-init.sh): SR-IOV PF and VFs, bridge, libvirtd on TCP, dropbear
#   - vagrant.pub: the Vagrant insecure public key (from the vagrant package), which root accepts
#   - box.img: a blank sparse qcow2 (vagrant-libvirt needs one volume per box); the host formats it on first
#     boot and keeps libvirt images on it
#   - metadata.json and a box Vagrantfile with the settings every host of this box needs (kernel, initrd and
#     command line from the box's own directory, q35, the guest agent, ssh as root with the insecure key)
# The host's userland is this machine's own root, so the box runs on the machine that built it (or one with the
# same packages: vagrant/install-deps.sh). Its version is the build time, so a rebuilt box replaces the old one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/vagrant.env"
lab=$here/../integration-tests/lab

pubkey=$(ls /usr/share/rubygems-integration/all/gems/vagrant-*/keys/vagrant.pub 2>/dev/null | sort -V | tail -n1)
[ -n "$pubkey" ] || { echo "build-box: the vagrant package's insecure key (keys/vagrant.pub) is missing: run vagrant/install-deps.sh" >&2; exit 1; }
command -v dropbear >/dev/null || { echo "build-box: dropbear is missing (package dropbear-bin): run vagrant/install-deps.sh" >&2; exit 1; }

mkdir -p "$PV_IMAGES" "$PV_DIR/box"
LAB_DIR=$PV_IMAGES "$lab/build-images.sh" >/dev/null
echo "build-box: lab images in $PV_IMAGES ($(du -sh "$PV_IMAGES" | cut -f1))"

stage=$(mktemp -d "$PV_DIR/box/stage.XXXXXX"); trap 'rm -rf "$stage"' EXIT
cp "$PV_IMAGES/vmlinuz" "$PV_IMAGES/host-initrd.img" "$stage/"
cp "$here/l1-init.sh" "$stage/l1-init.sh"; chmod 755 "$stage/l1-init.sh"
cp "$pubkey" "$stage/vagrant.pub"
# what the box was built from, so vagrant/smoke.sh can tell a stale box
cat "$here/build-box.sh" "$here/l1-init.sh" | sha256sum | cut -d' ' -f1 > "$stage/source.sha256"
qemu-img create -q -f qcow2 "$stage/box.img" 4G
cat > "$stage/metadata.json" <<'JSON'
{"provider": "libvirt", "format": "qcow2", "virtual_size": 4}
JSON
cat > "$stage/Vagrantfile" <<'RUBY'
# Defaults of the box passthru/sriov-host (written by passthru's vagrant/build-box.sh). The project's
# Vagrantfile adds each host's wiring: vIOMMU, igb PF, lab wire, management port forwards, migration link.
box_dir = __dir__
Vagrant.configure("2") do |config|
  config.vm.box_check_update = false
  config.vm.synced_folder ".", "/vagrant", disabled: true
  # the host's userland is this machine's Debian: no guest detection (a dozen ssh round trips under TCG)
  config.vm.guest = :debian
  config.ssh.username = "root"
  config.ssh.insert_key = false
  config.ssh.shell = "bash --noprofile --norc"
  config.ssh.sudo_command = "%c"
  config.vm.provider :libvirt do |lv|
    lv.kernel = File.join(box_dir, "vmlinuz")
    lv.initrd = File.join(box_dir, "host-initrd.img")
    # no_timer_check: when a TCG host is starved of CPU or paused (SIGSTOP) during boot, the kernel's IO-APIC
    # timer test misses its window, and with interrupt remapping on it then panics ("timer doesn't work through
    # Interrupt-remapped IO-APIC"); QEMU's timer works, the test is what fails
    lv.cmd_line = "console=ttyS0 no_timer_check intel_iommu=on iommu=pt pci=realloc=off passthru.vfs=7 " \
                  "passthru.init=#{File.join(box_dir, 'l1-init.sh')}"
    lv.machine_type = "q35"
    lv.qemu_use_agent = true
    lv.graphics_type = "none"
  end
end
RUBY
version=$(date -u +%Y%m%d.%H%M%S)
box=$PV_DIR/box/passthru-sriov-host-$version.box
(cd "$stage" && tar -cf - metadata.json Vagrantfile box.img vmlinuz host-initrd.img l1-init.sh vagrant.pub source.sha256 | gzip -1) > "$box"
cat > "$PV_DIR/box/catalog.json" <<JSON
{"name": "$PV_BOX", "description": "passthru SR-IOV lab host (nested, libvirt)",
 "versions": [{"version": "$version", "providers": [{"name": "libvirt", "url": "file://$box"}]}]}
JSON
# only this box's older versions go; anything else in VAGRANT_HOME is left alone
vagrant box list 2>/dev/null | awk -v b="$PV_BOX" '$1 == b {gsub(/[(),]/, ""); print $3}' | while read -r old; do
  vagrant box remove --force --provider libvirt --box-version "$old" "$PV_BOX" >/dev/null 2>&1 || true
done
vagrant box add --force "$PV_DIR/box/catalog.json" >/dev/null
rm -f "$box"
# vagrant-libvirt uploads box.img into the L0 storage pool once per box version; drop volumes of older versions
if virsh -q -c "$PV_LIBVIRT_URI" pool-info default >/dev/null 2>&1; then
  virsh -q -c "$PV_LIBVIRT_URI" vol-list default 2>/dev/null | awk '$1 ~ /^passthru-VAGRANTSLASH-sriov-host_vagrant_box_image_/ {print $1}' \
    | { grep -v "_${version}_" || true; } | while read -r v; do virsh -q -c "$PV_LIBVIRT_URI" vol-delete --pool default "$v" >/dev/null 2>&1 || true; done
fi
echo "build-box: added box $PV_BOX version $version ($VAGRANT_HOME/boxes)"
