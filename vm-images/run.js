#!/usr/bin/env node
// pnpm conformance:vm <os>: the conformance suite inside a VM image of that OS. Only linux (QEMU, TCG) runs
// on this project's machines; the others need a VM host with network access: vm-images/README.md says how.
const os = process.argv[2];
const elsewhere = ['freebsd', 'openbsd', 'netbsd', 'dragonfly', 'omnios', 'macos'];

if (os === 'linux') {
  const { run } = await import('./linux/run.js');
  process.exit(await run());
}
if (elsewhere.includes(os)) {
  console.error(`conformance:vm ${os}: cannot run on this machine (no ${os} image or VM host); the command is in vm-images/README.md, "The other operating systems".`);
} else {
  console.error(`usage: pnpm conformance:vm <linux|${elsewhere.join('|')}>`);
}
process.exit(2);
