#!/usr/bin/env bash
# What `pnpm conformance:vm linux` needs on a Debian host (CI calls this; so can a developer, as root):
# QEMU, a static busybox for the initramfs, and Debian 12's current 6.1 kernel, unpacked (not installed)
# into vm-images/linux/.cache/current. 6.1 predates SO_PEERPIDFD (6.5), so the unsupported paths run for real.
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive

updated=
apt_update() { [ -n "$updated" ] || apt-get update -q; updated=1; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

# busybox-static, not busybox: the initramfs has no libc.
needed=()
for pkg in qemu-system-x86 busybox-static; do installed "$pkg" || needed+=("$pkg"); done
if [ ${#needed[@]} -gt 0 ]; then
  apt_update
  apt-get install -y -q --no-install-recommends "${needed[@]}"
fi

# The metapackage names the kernel Debian 12 currently ships; older ABIs leave the mirror, so follow it.
kernel_package() { apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-6\.1\./ { print $2; exit }'; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# apt downloads as _apt when that user can write here, else warns.
chown _apt "$tmp" 2>/dev/null || true
# Unpacks the named kernel into .cache/NAME unless it is there already; fails if the mirror no longer has it.
fetch() {
  [ -n "$1" ] || return 1
  [ -d ".cache/$1/boot" ] && return 0
  (cd "$tmp" && apt-get download -q "$1") || return 1
  rm -rf ".cache/$1.partial"
  dpkg-deb -x "$tmp/$1"_*.deb ".cache/$1.partial"
  mv ".cache/$1.partial" ".cache/$1"
}
mkdir -p .cache
pkg=$(kernel_package)
if ! fetch "$pkg"; then
  # Stale or missing package lists: refresh and ask again.
  apt_update
  pkg=$(kernel_package)
  fetch "$pkg" || { echo "prepare: cannot get Debian 12's linux-image-6.1 kernel (linux-image-amd64)" >&2; exit 1; }
fi
ln -sfn "$pkg" .cache/current
# Keep only the kernel in use (each unpacked one is ~400 MB).
find .cache -mindepth 1 -maxdepth 1 ! -name current ! -name "$pkg" -exec rm -rf {} +
echo "prepare: $pkg is ready in vm-images/linux/.cache/current"
