import { closeSync, mkdtempSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { constants, type } from 'node:os';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { capabilities, checkDescriptor, descriptorOf, handleOf, loadNative, platformName, systemError } from '@unix-cred/internal';

function thrown(fn: () => unknown): Error & { code?: string; errno?: number; syscall?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

describe('descriptor validation', () => {
  it.each([['3'], [null], [undefined], [{}], [3n]])('%s is not a descriptor: TypeError ERR_INVALID_ARG_TYPE', (value) => {
    const error = thrown(() => descriptorOf(value));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.code).toBe('ERR_INVALID_ARG_TYPE');
  });

  it.each([[-1], [1.5], [NaN], [Infinity], [2 ** 31]])('%s is out of range: RangeError ERR_OUT_OF_RANGE', (value) => {
    const error = thrown(() => checkDescriptor(value));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.code).toBe('ERR_OUT_OF_RANGE');
  });

  it('a number, an { fd } object and a net.Socket give their descriptors', () => {
    expect(descriptorOf(7)).toBe(7);
    expect(descriptorOf({ fd: 9 })).toBe(9);
    expect(handleOf(7)).toBeNull();
    expect(handleOf({ fd: 9 })).toBeNull();
  });

  it('a net.Socket without a descriptor is ERR_SOCKET_CLOSED', () => {
    expect(thrown(() => descriptorOf(new net.Socket())).code).toBe('ERR_SOCKET_CLOSED');
    expect(thrown(() => descriptorOf({ _handle: { fd: -1 } })).code).toBe('ERR_SOCKET_CLOSED');
  });
});

describe('system errors', () => {
  it('look like the ones Node itself throws for the same errno', () => {
    const fd = openSync('/dev/null', 'r');
    closeSync(fd);
    const nodes = thrown(() => closeSync(fd)) as Error & { errno: number; code: string };
    const ours = systemError(constants.errno.EBADF, 'getsockopt');
    expect(ours.code).toBe(nodes.code);
    expect(ours.errno).toBe(nodes.errno);
    expect(ours.syscall).toBe('getsockopt');
    expect(ours.message).toMatch(/^getsockopt EBADF \(/);
  });
});

describe('platformName', () => {
  it('follows uname', () => {
    const expected = type() === 'DragonFly' ? 'dragonfly' : process.platform;
    expect(platformName()).toBe(expected === 'win32' ? undefined : expected);
  });
});

describe('a platform package without a binary', () => {
  it('says what to run with npm, pnpm 10, Bun and Deno, whose install scripts may not have run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unix-cred-no-binary-'));
    try {
      mkdirSync(join(dir, 'dist'));
      const moduleUrl = pathToFileURL(join(dir, 'dist', 'index.js')).href;
      const error = thrown(() => loadNative({ packageName: '@unix-cred/bsd', moduleUrl, servesThisOs: true, servedOsLabel: 'the BSDs', capabilities: capabilities.freebsd, ops: [] }));
      expect(error.code).toBe('ERR_UNIX_CRED_BINARY_NOT_FOUND');
      for (const command of [
        'npm rebuild @unix-cred/bsd',
        'pnpm approve-builds',
        'onlyBuiltDependencies',
        'pnpm rebuild @unix-cred/bsd',
        'bun pm trust @unix-cred/bsd',
        'trustedDependencies',
        'deno install --allow-scripts=npm:@unix-cred/bsd',
      ]) {
        expect(error.message).toContain(command);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
