#!/usr/bin/env bash
# Installs what passthru and its lab need on a fresh Debian 12 machine (root):
# QEMU >= 10 and libvirt >= 11 from bookworm-backports, a Debian 6.12 kernel for the nested hosts and guests (from
# bookworm's security archive, with its headers: Linux >= 6.7 for mtty's VFIO migration, built by build-mtty.sh),
# mdevctl (libvirt's and passthru's way to create mediated devices), busybox and qemu-guest-agent for the guest
# initramfs, debootstrap for the Debian distro guest.
# Idempotent; quiet when everything is present.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
command -v qemu-system-x86_64 >/dev/null && qemu-system-x86_64 --version | grep -qE 'version (1[0-9]|[2-9][0-9])\.' || need+=(qemu)
command -v libvirtd >/dev/null && libvirtd --version | grep -qE ' (1[1-9]|[2-9][0-9])\.' || need+=(libvirt)
# (no kernel in /boot on a fresh machine: ls fails, which pipefail would make fatal)
kver=$({ ls -1 /boot/vmlinuz-* 2>/dev/null || true; } | sed 's|^/boot/vmlinuz-||' | sort -V | tail -n1)
case $kver in
  6.1[2-9]*|6.[2-9][0-9]*|[7-9].*) [ -d "/lib/modules/$kver/build" ] || need+=(kernel-headers);;
  *) need+=(kernel-6.12);;
esac
command -v mdevctl >/dev/null || [ -x /usr/sbin/mdevctl ] || need+=(mdevctl)
[ -x /bin/busybox ] || [ -x /usr/bin/busybox ] || need+=(busybox)
command -v qemu-ga >/dev/null || [ -x /usr/sbin/qemu-ga ] || need+=(qga)
command -v mvn >/dev/null || need+=(maven)
for t in cpio ip ping debootstrap mkfs.ext4 xz zstd flock gcc make; do command -v $t >/dev/null || need+=($t); done
# Prometheus' own text-format parser (Debian's python3-prometheus-client), for the lab tests of --metrics-file
/usr/bin/python3 -c 'import prometheus_client.parser' 2>/dev/null || need+=(prometheus-parser)
if [ ${#need[@]} -eq 0 ]; then echo "lab deps: all present"; exit 0; fi
echo "lab deps: installing (${need[*]})"

codename=$(. /etc/os-release; echo "${VERSION_CODENAME:-bookworm}")
if ! grep -rqs "${codename}-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  cat > /etc/apt/sources.list.d/passthru-backports.sources <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: ${codename}-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends -t "${codename}-backports" \
  qemu-system-x86 qemu-utils libvirt-daemon-system libvirt-clients libvirt-daemon-driver-qemu libvirt0 >/dev/null
apt-get install -y -qq --no-install-recommends \
  linux-image-amd64 busybox-static qemu-guest-agent cpio iproute2 iputils-ping kmod maven openjdk-17-jdk-headless \
  debootstrap e2fsprogs xz-utils zstd util-linux mdevctl gcc make python3-prometheus-client >/dev/null
# the newest 6.12 kernel of bookworm's security archive and its headers (build-mtty.sh builds mtty.ko against them)
kabi=$(apt-cache pkgnames linux-image-6.12. | grep -E '^linux-image-6\.12\.[0-9]+\+deb12-amd64$' | sort -V | tail -n1)
kabi=${kabi#linux-image-}
[ -n "$kabi" ] || { echo "lab deps: no linux-image-6.12.*+deb12-amd64 in apt's lists (bookworm-security)" >&2; exit 1; }
apt-get install -y -qq --no-install-recommends "linux-image-$kabi" "linux-headers-$kabi" >/dev/null
echo "lab deps: qemu $(qemu-system-x86_64 --version | head -1 | awk '{print $4}'), libvirt $(libvirtd --version | awk '{print $NF}'), kernel $(ls /boot/vmlinuz-* | tail -1)"
