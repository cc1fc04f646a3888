import { type } from 'node:os';

export type PlatformName = 'linux' | 'freebsd' | 'dragonfly' | 'openbsd' | 'netbsd' | 'darwin' | 'sunos';

/**
 * The OS as this library distinguishes them: process.platform, except that DragonFly (which Node
 * may report as 'freebsd') is told apart by uname's sysname. Undefined for an OS without support.
 */
export function platformName(): PlatformName | undefined {
  if (type() === 'DragonFly') return 'dragonfly';
  const known: readonly string[] = ['linux', 'freebsd', 'openbsd', 'netbsd', 'darwin', 'sunos'];
  return known.includes(process.platform) ? (process.platform as PlatformName) : undefined;
}
