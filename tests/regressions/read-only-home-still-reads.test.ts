// Found by `npm run reliability` (bad input, "read-only home: decks still reads") after the single
// state file came in (issue 12): a reading command on a home whose state file has to be brought up
// to date (missing, written by the release before it, or outlining a deck file changed since) prints
// its answer and then, saving the state file on the way out, fails to take the home lock on a
// read-only disk: exit 1 with "cannot open …/.lock.N: read-only file system" after a full answer.
// Saving the state file only spares the next start some work, so not being able to is a warning
// at most; the command's answer stands, with exit 0.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parley, ROOT, tempHome } from '../helpers/cli.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'homes', 'release-794134e');
const NOW = '2026-11-29T10:00:00Z';

// chmod cannot stop root, so a read-only file system needs a tmpfs remounted read-only.
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});
function readOnlyCopy(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ro-'));
  expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir]).status).toBe(0);
  mounts.push(dir);
  const home = join(dir, 'home');
  cpSync(source, home, { recursive: true, preserveTimestamps: true });
  expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
  return home;
}
const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;

function sampleHome(): string {
  const home = tempHome();
  expect(parley(['import', SAMPLE], { home }).status).toBe(0);
  return home;
}

const HOMES: Array<[string, () => string]> = [
  ['the state file is missing', () => {
    const home = sampleHome();
    rmSync(join(home, 'state.json'));
    return home;
  }],
  ['a deck file changed since the state file outlined it', () => {
    const home = sampleHome();
    utimesSync(join(home, 'decks', 'morning-market.json'), new Date(NOW), new Date(NOW));
    return home;
  }],
  ['the home was written by the release before the state file', () => {
    const home = join(tempHome(), 'home');
    cpSync(FIXTURE, home, { recursive: true });
    return home;
  }],
];

describe.skipIf(!canMount)('a reading command on a read-only home whose state file is out of date', () => {
  for (const [what, make] of HOMES) {
    it(`${what}: decks, stats and show answer as on a writable home, exit 0`, () => {
      const writable = make();
      const home = readOnlyCopy(writable);
      const env = { PARLEY_NOW: NOW, TZ: 'UTC' };
      const slug = JSON.parse(parley(['decks', '--json'], { home: writable, env }).stdout)[0].slug as string;
      for (const args of [['decks', '--json'], ['stats', '--json'], ['show', slug, '--json']]) {
        const expected = parley(args, { home: writable, env });
        const result = parley(args, { home, env });
        expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
        expect(result.stdout, args.join(' ')).toBe(expected.stdout.replaceAll(writable, home));
        expect(result.stderr.trim().split('\n').filter(Boolean).length, result.stderr).toBeLessThanOrEqual(1);
        expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
      }
      expect(readFileSync(join(home, 'decks', `${slug}.json`)).equals(readFileSync(join(writable, 'decks', `${slug}.json`)))).toBe(true);
    });
  }
});
