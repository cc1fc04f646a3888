// Which native file a BSD's build compiles (binding.gyp: one per OS; DragonFly shares FreeBSD's), and the stand-ins
// of that OS's headers the logic tests compile it against, by the macro its compiler predefines.
const byMacro: Record<string, { file: string; standins: string[] }> = {
  __FreeBSD__: { file: 'src/freebsd.c', standins: ['test/standin/freebsd', 'test/standin/freebsd-dragonfly'] },
  __DragonFly__: { file: 'src/freebsd.c', standins: ['test/standin/freebsd-dragonfly'] },
  __OpenBSD__: { file: 'src/openbsd.c', standins: ['test/standin/openbsd'] },
  __NetBSD__: { file: 'src/netbsd.c', standins: ['test/standin/netbsd'] },
};

function entry(define: string): { file: string; standins: string[] } {
  const found = byMacro[define.split('=')[0]!];
  if (found === undefined) throw new Error(`no BSD native file for ${define}`);
  return found;
}

/** The native file for a define such as '__FreeBSD__=14'. */
export const osFile = (define: string): string => entry(define).file;
/** The stand-in header folders for a define such as '__FreeBSD__=14'. */
export const osStandins = (define: string): string[] => entry(define).standins;
