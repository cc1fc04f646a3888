#!/usr/bin/env node
import { runDemo } from './demo.js';

const USAGE = `usage: unix-cred <command>

commands:
  demo     print the credentials of real peers of a UNIX-domain socket
  --help   this text`;

async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'demo') {
    await runDemo();
    return 0;
  }
  console.error(`unix-cred: unknown command '${command}'\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (status) => { process.exitCode = status; },
  (error: unknown) => {
    const { code, message } = error as { code?: string; message?: string };
    console.error(`unix-cred: ${message ?? String(error)}${code ? ` (${code})` : ''}`);
    process.exitCode = 1;
  },
);
