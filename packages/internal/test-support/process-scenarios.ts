/** Logic tests of an OS file's processCredentials op against c/process_scenarios.h, shared by the platform packages. */
import { describe, expect, it } from 'vitest';
import type { NativeConstants } from '../src/native.js';
import { decodeProcessCredentials } from '../src/process.js';
import { checkScenario, runScenarios, UC, UC_CONSTANTS, type DriverSpec, type Expected } from './c-driver.js';

/** The expected results of UC_PROCESS_SCENARIOS(op); `saved`: whether the OS reports the saved ids. */
export function processCases(saved: boolean): [string, Expected][] {
  const ids = { 1: 4242, 2: 4000, 3: 4100, 4: 3900, 5: 1000, 6: 1001, 9: 2000, 10: 2001 };
  // words[0]: UC_KNOWN_SUID | UC_KNOWN_SGID where the OS has a call for them, no file-system ids.
  const optional = saved ? { 0: 1 | 4, 7: 1002, 11: 2002 } : { 0: 0 };
  return [
    ['process: normal', { rc: 12, words: { ...ids, ...optional }, groups: [10, 20, 30], counters: { getgroups: 1, malloc: 0 } }],
    ['process: no supplementary groups', { rc: 0, words: ids, groups: [] }],
    ['process: 1100 groups, past the inline buffer', { rc: 4400, words: ids, counters: { getgroups: 3, malloc: 1 } }],
    ['process: the list grew between the count and the read', { rc: 4400, counters: { getgroups: 5, malloc: 2 } }],
    ['process: no memory for the groups', { rc: UC.NO_MEMORY! }],
  ];
}

/**
 * Builds one OS's file with a scenario file that holds UC_PROCESS_SCENARIOS (and `extra`, the OS's
 * own), checks every answer, and the API object decoded from the normal one.
 */
export function describeProcessScenarios(os: string, spec: DriverSpec, saved: boolean, extra: [string, Expected][] = []): void {
  describe(`${os}: getProcessCredentials`, () => {
    const results = runScenarios(spec);
    const cases = [...processCases(saved), ...extra];
    it.each(cases)('%s', (name, expected) => checkScenario(results, name, expected));
    it('runs no scenario without an expectation', () => expect(results.size).toBe(cases.length));
    it('decodes to the API object: an id the OS has no call for is null', () => {
      const { words, groups } = results.get('process: normal')!;
      expect(decodeProcessCredentials(words, groups, UC_CONSTANTS as NativeConstants)).toEqual({
        pid: 4242, ppid: 4000, pgid: 4100, sid: 3900,
        ruid: 1000, euid: 1001, suid: saved ? 1002 : null, fsuid: null,
        rgid: 2000, egid: 2001, sgid: saved ? 2002 : null, fsgid: null,
        groups: [10, 20, 30],
      });
    });
    it('reads a list grown past the inline buffer whole', () => {
      for (const name of ['process: 1100 groups, past the inline buffer', 'process: the list grew between the count and the read']) {
        const { groups, heap } = results.get(name)!;
        expect(heap).toBe(true);
        expect(groups).toEqual([...new Array<number>(1099).fill(7), 1099]);
      }
    });
  });
}
