#!/usr/bin/env bash
# Installs what the Vagrant lab needs on a Debian 12 machine (root), on top of the nested lab's own packages
# (integration-tests/lab/install-deps.sh: QEMU 10 and libvirt 11 from bookworm-backports, a Debian kernel,
# busybox, qemu-guest-agent, maven): vagrant and vagrant-libvirt (Debian's, no plugin download), and
# dropbear-bin, the lab hosts' SSH server (binaries only: the package starts no service on this machine).
# Idempotent; quiet when everything is present.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export DEBIAN_FRONTEND=noninteractive
"$here/../integration-tests/lab/install-deps.sh"
need=()
command -v vagrant >/dev/null || need+=(vagrant)
dpkg -s vagrant-libvirt >/dev/null 2>&1 || need+=(vagrant-libvirt)
command -v dropbear >/dev/null || need+=(dropbear-bin)
command -v qemu-img >/dev/null || need+=(qemu-utils)
for t in jq unshare; do command -v $t >/dev/null || need+=($t); done
if [ ${#need[@]} -eq 0 ]; then echo "vagrant lab deps: all present"; exit 0; fi
pkgs=(); for p in "${need[@]}"; do case $p in unshare) pkgs+=(util-linux);; *) pkgs+=("$p");; esac; done
echo "vagrant lab deps: installing (${pkgs[*]})"
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
echo "vagrant lab deps: $(vagrant --version), vagrant-libvirt $(dpkg-query -W -f '${Version}' vagrant-libvirt)"
