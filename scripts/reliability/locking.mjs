// Locking: commands that read a whole file, change it and write it back, run by several processes
// at the same moment. Each scenario runs in a fresh home and says what a lost write looks like; a
// run that loses one is a failure. More scenarios (concurrent imports, renames) go in SCENARIOS.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parleyAsync } from './util.mjs';

/**
 * `runs(quick)`: how many times to try it; `run({ home, i })`: one try in the empty directory
 * `home`, resolving to undefined when every write survived, or to what was lost.
 */
export const SCENARIOS = [
  {
    name: 'config set of two different keys at once',
    runs: (quick) => (quick ? 6 : 40),
    async run({ home, i }) {
      // The file exists first, so both processes read it before either writes (the race conf loses).
      writeFileSync(join(home, 'settings.json'), '{\n\t"showPinyin": true\n}\n');
      const [a, b] = await Promise.all([
        parleyAsync(['config', 'set', 'newPerDay', String(i + 1)], { home }),
        parleyAsync(['config', 'set', 'dayStartsAt', String(i % 24)], { home }),
      ]);
      for (const r of [a, b]) if (r.status !== 0) return `exit ${r.status}: ${r.stderr.trim().split('\n')[0]}`;
      const stored = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'));
      const lost = [['newPerDay', i + 1], ['dayStartsAt', i % 24], ['showPinyin', true]].filter(([k, v]) => stored[k] !== v).map(([k]) => k);
      return lost.length ? `lost ${lost.join(', ')}` : undefined;
    },
  },
];

export async function locking({ workDir, quick }) {
  const results = [];
  const failures = [];
  for (const [k, scenario] of SCENARIOS.entries()) {
    const runs = scenario.runs(quick);
    let failed = 0;
    for (let i = 0; i < runs; i++) {
      const home = join(workDir, `locking-${k}-${i}`);
      mkdirSync(home, { recursive: true });
      const problem = await scenario.run({ home, i });
      if (problem) {
        failed++;
        failures.push(`${scenario.name}, run ${i + 1}: ${problem}`);
      }
      rmSync(home, { recursive: true, force: true });
    }
    results.push({ name: scenario.name, runs, failed });
  }
  return { results, failures };
}
