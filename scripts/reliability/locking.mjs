// Locking: commands that read a whole file, change it and write it back, run by several processes
// at the same moment. Each scenario runs in a fresh home and says what a lost write looks like; a
// run that loses one is a failure.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parley, parleyAsync, ROOT } from './util.mjs';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');

/** An article of `count` made-up sentence pairs, each naming `tag`, so two of them share no note. */
function article(tag, count) {
  return Array.from({ length: count }, (_, i) => `${tag}组第${i + 1}天,我们在山上种了${i + 3}棵小树。\nOn day ${i + 1} of group ${tag}, we planted ${i + 3} small trees on the hill.\n`).join('\n');
}

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
  {
    name: 'two imports into one deck at once',
    runs: (quick) => (quick ? 3 : 20),
    async run({ home }) {
      writeFileSync(join(home, 'a.txt'), article('甲', 15));
      writeFileSync(join(home, 'b.txt'), article('乙', 15));
      const [a, b] = await Promise.all([
        parleyAsync(['import', join(home, 'a.txt'), '--deck', 'shared', '--suggest', '0'], { home }),
        parleyAsync(['import', join(home, 'b.txt'), '--deck', 'shared', '--suggest', '0'], { home }),
      ]);
      for (const r of [a, b]) if (r.status !== 0) return `exit ${r.status}: ${r.stderr.trim().split('\n')[0]}`;
      const notes = JSON.parse(readFileSync(join(home, 'decks', 'shared.json'), 'utf8')).notes.length;
      return notes === 30 ? undefined : `kept ${notes} of 30 notes`;
    },
  },
  {
    name: 'two renames of one deck at once',
    runs: (quick) => (quick ? 3 : 20),
    async run({ home }) {
      const env = { PARLEY_NOW: '2026-11-29T10:00:00Z' };
      if (parley(['import', SAMPLE, '--deck', 'market'], { home }).status !== 0) return 'could not import the sample';
      const note = JSON.parse(readFileSync(join(home, 'decks', 'market.json'), 'utf8')).notes[0].id;
      if (parley(['suspend', note], { home, env }).status !== 0) return 'could not suspend a note';
      const results = await Promise.all([
        parleyAsync(['deck', 'rename', 'market', 'left'], { home, env }),
        parleyAsync(['deck', 'rename', 'market', 'right'], { home, env }),
      ]);
      const codes = results.map((r) => r.status).sort().join(',');
      if (codes !== '0,1') return `exit codes ${codes} (one rename should win, the other refuse)`;
      const decks = JSON.parse(parley(['decks', '--json'], { home, env }).stdout);
      if (decks.length !== 1 || decks[0].suspended !== 2) return `afterwards ${JSON.stringify(decks.map((d) => [d.slug, d.suspended]))}`;
      return undefined;
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
