import { closeSync, openSync } from 'node:fs';
import { constants, type } from 'node:os';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkDescriptor, descriptorOf, handleOf, platformName, systemError } from '@unix-cred/internal';

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
