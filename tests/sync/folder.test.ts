// Two homes kept in step by a folder-sync tool (Syncthing, a cloud drive, a USB stick), played here by
// copying files between them in random order and both directions. Each device writes only its own
// journal, so whatever arrives when, both homes must end up saying the same thing.
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempHome } from '../helpers/cli.js';
import { seeded } from '../helpers/random.js';
import { parleyIn } from '../helpers/in-process.js';

const ARTICLES = join(ROOT, 'tests', 'fixtures', 'articles');

/** The files a device shares: everything else in a home is this machine's own. */
function shared(home: string): Set<string> {
  const files = new Set<string>();
  if (existsSync(join(home, 'settings.json'))) files.add('settings.json');
  for (const dir of ['decks', 'journal']) {
    if (!existsSync(join(home, dir))) continue;
    for (const name of readdirSync(join(home, dir))) if (!name.startsWith('.')) files.add(`${dir}/${name}`);
  }
  return files;
}

/**
 * A folder-sync tool between two homes: it carries a file written since the other side's copy, and
 * a deletion, never merging contents. `seen` is what each side last knew of, to tell a deletion from
 * a file that has not arrived yet.
 */
class FolderSync {
  readonly #seen = new Map<string, Set<string>>();
  /** Deletions made on a side and not carried yet: a tool keeps them until it has. */
  readonly #deleted = new Map<string, Set<string>>();

  constructor(readonly homes: [string, string]) {
    for (const home of homes) {
      this.#seen.set(home, shared(home));
      this.#deleted.set(home, new Set());
    }
  }

  /** Carries some of what changed in `from` to `to`: `pick` chooses which files go this time. */
  carry(from: string, to: string, pick: (path: string) => boolean): void {
    this.#look(from);
    this.#look(to);
    for (const path of this.#seen.get(from)!) {
      if (!pick(path)) continue;
      const source = join(from, path);
      const target = join(to, path);
      if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs) continue;
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
      const { atime, mtime } = statSync(source);
      utimesSync(target, atime, mtime);
      this.#deleted.get(to)!.delete(path);
    }
    for (const path of this.#deleted.get(from)!) {
      if (!pick(path)) continue;
      rmSync(join(to, path), { force: true });
      this.#deleted.get(from)!.delete(path);
    }
    this.#look(to);
  }

  #look(home: string): void {
    const now = shared(home);
    for (const path of this.#seen.get(home)!) if (!now.has(path)) this.#deleted.get(home)!.add(path);
    this.#seen.set(home, now);
  }
}

const KEYS = [' 3', ' 1', ' 4', ' 2', 'u', 's', 'b', ' 3'];

describe('two homes synced by copying files', () => {
  for (const seed of [1, 2, 3]) {
    it(`converge whatever arrives when (seed ${seed})`, async () => {
      const rand = seeded(seed);
      const a = join(tempHome(), 'a');
      const b = join(tempHome(), 'b');
      const sync = new FolderSync([a, b]);
      let minute = 0;
      // Device b's clock runs three minutes fast: its lines sort after a's made just before them.
      const env = (home: string) => ({ PARLEY_NOW: new Date(Date.UTC(2026, 2, 1, 8) + minute * 60_000 + (home === b ? 180_000 : 0)).toISOString(), TZ: 'UTC' });
      const run = async (home: string, args: string[], input = '') => {
        const result = await parleyIn(args, { home, env: env(home), terminal: { isTTY: true, input } });
        expect(result.stderr.replace(/^parley: warning.*\n/gm, '')).toBe('');
        return result;
      };

      await run(a, ['import', join(ARTICLES, 'dumplings-zh-en-annotated', 'article.txt'), '--deck', 'dumplings']);
      await run(b, ['import', join(ARTICLES, 'harbour-sentence-table', 'article.txt'), '--deck', 'harbour']);
      let renamed = false;
      for (let step = 0; step < 40; step++) {
        minute += 1 + Math.floor(rand() * 90);
        const [here, there] = rand() < 0.5 ? [a, b] : [b, a];
        const what = rand();
        if (what < 0.45) {
          const keys = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => KEYS[Math.floor(rand() * KEYS.length)]).join('');
          await run(here, ['review', '--new', '50'], `${keys}q`);
        } else if ((what < 0.5 || step === 20) && !renamed && existsSync(join(a, 'decks', 'dumplings.json'))) {
          await run(a, ['deck', 'rename', 'dumplings', 'jiaozi']);
          renamed = true;
        } else {
          sync.carry(here, there, () => rand() < 0.6);
        }
      }
      // The tool catches up at last; each side runs once more (a device whose reviews went to a deck
      // another renamed meanwhile moves them in a line of its own), and the tool carries that too.
      for (let round = 0; round < 3; round++) {
        sync.carry(a, b, () => true);
        sync.carry(b, a, () => true);
        await run(a, ['decks']);
        await run(b, ['decks']);
      }
      sync.carry(a, b, () => true);
      sync.carry(b, a, () => true);

      minute += 60 * 24;
      const said = async (home: string) => ({
        // `said` of a home made by copying runs under its own device: the clock is a's.
        decks: JSON.parse((await run(home, ['decks', '--json'])).stdout),
        stats: JSON.parse((await run(home, ['stats', '--json'])).stdout),
        optimize: (await parleyIn(['optimize'], { home, env: env(a) })).stdout,
      });
      const [fromA, fromB] = [await said(a), await said(b)];
      expect(fromB).toEqual(fromA);

      // Every review either device made is in both homes, once.
      const ids = (home: string) => readdirSync(join(home, 'journal')).flatMap((name) =>
        readFileSync(join(home, 'journal', name), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; type: string; target?: string }));
      const entries = ids(a);
      expect(ids(b).map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      const undone = new Set(entries.flatMap((e) => (e.type === 'undo' ? [e.target] : [])));
      const live = entries.filter((e) => e.type === 'review' && !undone.has(e.id)).length;
      expect(live).toBeGreaterThan(0);
      expect(fromA.optimize).toMatch(live === 0 ? /no review history/ : new RegExp(`\\b${live} reviews\\b`));
      expect(readdirSync(join(a, 'journal'))).toHaveLength(2);
      expect(renamed).toBe(true);

      // What each home worked out piece by piece is what a replay of every journal from the start gives.
      const fresh = join(tempHome(), 'fresh');
      cpSync(a, fresh, { recursive: true });
      rmSync(join(fresh, 'state.json'));
      expect(await said(fresh)).toEqual(fromA);
    }, 120_000);
  }
});

describe('a rename on one machine while the other reviews the old deck', () => {
  it("moves the other machine's reviews to the renamed deck on both homes", async () => {
    const a = join(tempHome(), 'a');
    const b = join(tempHome(), 'b');
    const at = (hour: number) => ({ PARLEY_NOW: new Date(Date.UTC(2026, 2, 1, hour)).toISOString(), TZ: 'UTC' });
    const run = async (home: string, hour: number, args: string[], input = '') => {
      const result = await parleyIn(args, { home, env: at(hour), terminal: { isTTY: true, input } });
      expect(result.stderr).toBe('');
      return result;
    };
    await run(a, 8, ['import', join(ARTICLES, 'dumplings-zh-en-annotated', 'article.txt'), '--deck', 'dumplings']);
    const sync = new FolderSync([a, b]);
    sync.carry(a, b, () => true);
    await run(a, 9, ['deck', 'rename', 'dumplings', 'jiaozi']);
    await run(b, 10, ['review', '--new', '3'], ' 3 3 3q');
    sync.carry(a, b, () => true);
    sync.carry(b, a, () => true);
    // b finds its three reviews under a deck name that is gone, and moves them after the rename.
    await run(b, 11, ['decks']);
    sync.carry(b, a, () => true);
    for (const home of [a, b]) {
      const decks = JSON.parse((await run(home, 12, ['decks', '--json'])).stdout) as { slug: string; new: number; learning: number; review: number }[];
      expect(decks.map((d) => d.slug)).toEqual(['jiaozi']);
      expect(decks[0]!.learning + decks[0]!.review).toBe(3);
    }
  });
});
