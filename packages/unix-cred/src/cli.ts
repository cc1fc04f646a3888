#!/usr/bin/env node
import { parseArgs } from 'node:util';

// The commands (and through them the library and its addon) load once one is run: --help and usage errors need none.
let commands: typeof import('./commands.js') | undefined;

const USAGE = `usage: unix-cred <command> [options]

Who is on the other end of a UNIX-domain socket, as the kernel recorded it.

commands:
  peer <socket-path>     connect to a socket and print its server's credentials
  listen <socket-path>   create a socket and print each client's credentials as it connects, until Ctrl-C
  self                   print this process's credentials (ids, groups)
  demo                   print the credentials of real peers of a socket, beside what each peer says

options:
  --json                 print JSON (for listen, one object per line) instead of a table
  -h, --help             this text; unix-cred <command> --help for one command

exit status: 0 done, 1 an error (one line on stderr), 2 a usage error`;

const HELP: Record<string, string> = {
  peer: `usage: unix-cred peer <socket-path> [--json]

Connects to the socket and prints the credentials of the process that listens on it, as of its listen():
pid, effective uid and gid, groups, and its command line where the OS shows it (/proc/<pid>/cmdline on
Linux). --json prints one object: { pid, uid, gid, groups, command }, command being an argv array or null.`,
  listen: `usage: unix-cred listen <socket-path> [--json] [--mode <octal>]

Creates the socket and prints the credentials of each client as it connects (as of its connect()), then
closes that connection. Stops on Ctrl-C (SIGINT) or SIGTERM and removes the socket file, if it is still
the one it created. --json prints one object per line: { pid, uid, gid, groups, command }.
--mode sets the socket file's permissions as it is created (666 lets every user connect; the default follows
the umask). It never changes them afterwards: a chmod would follow a symbolic link put in its place meanwhile.`,
  self: `usage: unix-cred self [--json]

Prints this process's credentials: pid, ppid, pgid, sid; real, effective, saved and file-system uid and
gid (n/a where the OS has no call for one); the supplementary groups.`,
  demo: `usage: unix-cred demo

Starts a socket, connects to it from this process and from child processes (as root, also one running as
another user with supplementary groups), and prints what the kernel says of each peer beside what that
peer says of itself.`,
};

/** A usage error: printed with a pointer to the help, exit status 2. */
class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, mode: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('.')[0]!);
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv);
  const [command, ...operands] = positionals;
  if (command === undefined && values.help !== true) throw new UsageError('no command given');
  if (command === undefined || command === 'help') {
    const topic = command === 'help' ? operands[0] : undefined;
    console.log(topic !== undefined && topic in HELP ? HELP[topic] : USAGE);
    return;
  }
  if (!(command in HELP)) throw new UsageError(`unknown command '${command}'`);
  if (values.help === true) {
    console.log(HELP[command]);
    return;
  }
  const takesPath = command === 'peer' || command === 'listen';
  if (operands.length !== (takesPath ? 1 : 0)) {
    throw new UsageError(takesPath ? `${command} takes one <socket-path>` : `${command} takes no arguments`);
  }
  if (values.mode !== undefined && command !== 'listen') throw new UsageError('--mode is an option of listen');
  if (values.json === true && command === 'demo') throw new UsageError('demo has no --json');
  const json = values.json === true;
  const mode = parseMode(values.mode);
  if (command === 'demo') return (await import('./demo.js')).runDemo();
  commands = await import('./commands.js');
  switch (command) {
    case 'peer':
      return commands.runPeer(operands[0]!, json);
    case 'listen':
      return commands.runListen(operands[0]!, json, mode);
    default:
      return commands.runSelf(json);
  }
}

function parseMode(mode: string | undefined): number | undefined {
  if (mode === undefined) return undefined;
  if (!/^0?[0-7]{3}$/.test(mode)) throw new UsageError(`--mode takes octal permissions such as 660 or 666, not '${mode}'`);
  return parseInt(mode, 8);
}

// A reader that goes away (unix-cred listen --json | head -1) is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`unix-cred: ${error.message} (see unix-cred --help)`);
      process.exitCode = 2;
      return;
    }
    // Never a stack trace: the message, and the code of an error this CLI did not foresee.
    const { code, message } = error as { code?: string; message?: string };
    const unforeseen = !(commands !== undefined && error instanceof commands.UserError) && code !== undefined;
    console.error(`unix-cred: ${message ?? String(error)}${unforeseen ? ` (${code})` : ''}`);
    process.exitCode = 1;
  },
);
