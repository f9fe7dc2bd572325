// Two parley homes and a bare repository on local disk, for `parley sync` in-process. git is the
// real one on PATH, with no user or system configuration: parley's own identity signs the commits.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tempHome } from '../helpers/cli.js';
import { parleyIn, type InProcessResult } from '../helpers/in-process.js';

export const GIT_ENV = { PATH: process.env.PATH ?? '', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

export const MONDAY = '2026-11-30T09:00:00.000Z';
export const TUESDAY = '2026-12-01T09:00:00.000Z';

/** An article of three sentence pairs, written for these tests. */
export const RIVER = [
  '河边晨跑', '',
  '每天早上我都去河边跑步。', '', 'Every morning I go running by the river.', '',
  '冬天的河面上常常有一层薄雾。', '', 'In winter there is often a thin mist over the river.', '',
  '跑完步以后，我在长椅上喝一杯热茶。', '', 'After the run, I drink a cup of hot tea on a bench.', '',
].join('\n');

/** A new pair for the same deck, and another: what each machine adds on its own. */
export const BRIDGE = ['河边晨跑', '', '桥下住着一群白色的鸭子。', '', 'A flock of white ducks lives under the bridge.', ''].join('\n');
export const HERON = ['河边晨跑', '', '有时候一只灰鹭站在浅水里。', '', 'Sometimes a grey heron stands in the shallow water.', ''].join('\n');

export function bareRepository(): string {
  const path = join(tempHome(), 'remote.git');
  execFileSync('git', ['init', '-q', '--bare', path], { env: { ...process.env, ...GIT_ENV } });
  return path;
}

/** A path for a home that does not exist yet (a second machine's first sync). */
export const missingHome = () => join(tempHome(), 'home');

export async function parleyAt(home: string, args: string[], env: Record<string, string> = {}): Promise<InProcessResult> {
  return parleyIn(args, { home, env: { ...GIT_ENV, TZ: 'UTC', ...env } });
}

export async function importText(home: string, name: string, text: string, deck = 'river'): Promise<void> {
  const file = join(tempHome(), name);
  writeFileSync(file, text);
  // Sentences only: these tests count and merge notes, and suggested words would change with the dictionary.
  const result = await parleyAt(home, ['import', file, '--deck', deck, '--suggest', '0']);
  if (result.code !== 0) throw new Error(result.stderr);
}

/** Reviews new cards at `now` in the review screen: each is revealed and graded Good. */
export async function review(home: string, now: string, cards: number): Promise<void> {
  const result = await parleyIn(['review', '--direction', 'zh-en', '--new', String(cards)], {
    home, env: { ...GIT_ENV, TZ: 'UTC', PARLEY_NOW: now }, terminal: { isTTY: true, input: `${' 3'.repeat(cards)}q` },
  });
  if (result.code !== 0) throw new Error(result.stderr);
}

export async function sync(home: string, ...args: string[]): Promise<InProcessResult> {
  return parleyAt(home, ['sync', ...args]);
}

/** What a user sees of a home at `now`: its decks and its stats, as scripts read them. */
export async function view(home: string, now = TUESDAY): Promise<{ decks: unknown; stats: unknown }> {
  const decks = await parleyAt(home, ['decks', '--json'], { PARLEY_NOW: now });
  const stats = await parleyAt(home, ['stats', '--json'], { PARLEY_NOW: now });
  return { decks: JSON.parse(decks.stdout), stats: JSON.parse(stats.stdout) };
}

/** Every journal entry id in a home, across the journals of all devices. */
export function entryIds(home: string): string[] {
  const dir = join(home, 'journal');
  return readdirSync(dir).flatMap((name) =>
    readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id));
}

/** Every file of a home but its git repository, by path, with its bytes: to show nothing changed. */
export function snapshot(home: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (relative(home, path) === '.git') continue;
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(home, path)] = readFileSync(path, 'base64');
    }
  };
  walk(home);
  return files;
}

export function emptyDirectory(): string {
  const dir = join(tempHome(), 'empty');
  mkdirSync(dir);
  return dir;
}
