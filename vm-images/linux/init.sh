#!/bin/busybox sh
# shellcheck shell=dash # busybox ash: shellcheck knows dash, its nearest kin
# /init of the initramfs that run.js builds: the host's root (virtio-9p, read-only) becomes the guest's root
# under a tmpfs overlay, so the suite runs the host's node and built packages against this kernel and may
# write anywhere. The suite's exit status goes to the serial console for the host; then power off.
/bin/busybox --install -s /bin
export PATH=/bin

# Written by run.js: MODULES (in insmod order), SUITE_PATH, and exports for the suite (REPO, HOME, CI...).
# shellcheck source=/dev/null
. /vm.env

fail() {
  echo "unix-cred-vm: setup failed: $*"
  poweroff -f
}

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for module in $MODULES; do insmod "/modules/$module.ko" || fail "insmod $module"; done

mkdir -p /host /rw /newroot
# cache=loose: the guest caches what it reads; the host's files are not meant to change during a run.
mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=512000 root /host || fail "9p mount of the host's root"
mount -t tmpfs -o mode=755 rw /rw && mkdir /rw/upper /rw/work
mount -t overlay overlay -o lowerdir=/host,upperdir=/rw/upper,workdir=/rw/work /newroot || fail "overlay over the host's root"
for dir in proc sys dev; do mount --move "/$dir" "/newroot/$dir"; done
mkdir -p /newroot/dev/pts /newroot/dev/shm
mount -t devpts devpts /newroot/dev/pts
mount -t tmpfs -o mode=1777 shm /newroot/dev/shm
# A fresh /tmp, unless the repository itself lives there (a CI checkout may): the overlay is writable anyway.
case "$REPO/" in
/tmp/*) ;;
*) mount -t tmpfs -o mode=1777 tmp /newroot/tmp ;;
esac
ip link set lo up

echo "unix-cred-vm: kernel $(uname -srv)"
# Through cat: the serial console is a tty, and vitest would otherwise draw for a terminal.
# Five minutes a case: QEMU emulates the CPU where there is no KVM (12 worker threads took 67 s on a loaded host);
# no case asserts on time.
set -o pipefail
# shellcheck disable=SC2016 # $REPO is the chroot's shell's to expand
PATH=$SUITE_PATH /bin/chroot /newroot /bin/sh -c 'cd "$REPO/conformance" && exec ./node_modules/.bin/vitest run --testTimeout=300000 --hookTimeout=300000' 2>&1 | cat
echo "unix-cred-vm: exit status $?"
poweroff -f
