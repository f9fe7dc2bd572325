// Issue 10, item 14. The attack: `parley export --reviews -o <home>/journal.jsonl` replaced the
// review journal — the durable truth — with CSV and exited 0. Now an output path that resolves
// (its directory's real path plus its name, and the file itself when it is a symbolic link) to one
// of the home's own files — the journals (journal/<device>.jsonl, and journal.jsonl of older
// releases), settings.json, local.json, decks/, state.json, the lock, and their temporary
// siblings — is refused in one line, exit 1, nothing written. Other files in the home
// directory (an export beside the decks) are still allowed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { journalOf } from '../helpers/journal.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const NOW = { PARLEY_NOW: '2026-11-29T10:00:00Z' };

async function sampleHome(): Promise<string> {
  const home = tempHome();
  expect((await parleyIn(['import', SAMPLE], { home, env: NOW })).code).toBe(0);
  const noteId = JSON.parse(readFileSync(join(home, 'decks', 'morning-market.json'), 'utf8')).notes[0].id as string;
  expect((await parleyIn(['suspend', noteId], { home, env: NOW })).code).toBe(0);
  expect((await parleyIn(['config', 'set', 'newPerDay', '7'], { home })).code).toBe(0);
  expect((await parleyIn(['stats'], { home, env: NOW })).code).toBe(0);
  return home;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name)] = readFileSync(join(e.parentPath, e.name), 'latin1');
  }
  return out;
}

/** In-process, but in a process of its own where a relative path must start from another directory. */
async function run(args: string[], home: string, cwd?: string): Promise<{ code: number | null; stderr: string }> {
  if (!cwd) return parleyIn(args, { home, env: NOW });
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', PARLEY_HOME: home, ...NOW };
  const child = spawnSync(process.execPath, [CLI, ...args], { env, cwd, input: '', encoding: 'utf8' });
  return { code: child.status, stderr: child.stderr };
}

async function expectRefused(home: string, output: string, options: { cwd?: string; via?: string } = {}): Promise<void> {
  const before = snapshot(home);
  for (const args of [['export', '--reviews', '-o', output], ['export', 'morning-market', '--format', 'csv', '-o', output]]) {
    const result = await run(args, options.via ?? home, options.cwd);
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^parley: .*parley home.* — .+/);
    expect(snapshot(home)).toEqual(before);
  }
}

describe('export -o onto the home\'s own files', () => {
  let home = '';
  beforeAll(async () => {
    home = await sampleHome();
  });
  // journal.jsonl is no file of a home once opened, but an older release's journal would be taken for it.
  for (const name of ['journal.jsonl', 'journal', 'local.json', 'settings.json', '.lock', 'decks/morning-market.json', 'decks/new.csv', 'decks', 'state.json', 'state.json.tmp-1234567890abcdef', 'settings.json.tmp-1234', '.lock.4242']) {
    it(`-o <home>/${name}: refused, nothing written`, () => expectRefused(home, join(home, name)));
  }

  it('-o this device\'s journal: refused, nothing written', () => expectRefused(home, journalOf(home)));

  it('through a symbolic link to the home directory', async () => {
    const link = join(mkdtempSync(join(tmpdir(), 'parley-link-')), 'home');
    symlinkSync(home, link);
    await expectRefused(home, join(link, relative(home, journalOf(home))));
  });

  it('through a symbolic link to the journal itself', async () => {
    const link = join(mkdtempSync(join(tmpdir(), 'parley-link-')), 'reviews.csv');
    symlinkSync(journalOf(home), link);
    await expectRefused(home, link);
  });

  it('a relative path, from inside the home', () => expectRefused(home, relative(home, journalOf(home)), { cwd: home }));
  it('a path with .. in it', () => expectRefused(home, join(home, 'decks', '..', 'settings.json')));

  it('when the home itself is named through a symbolic link', async () => {
    const link = join(mkdtempSync(join(tmpdir(), 'parley-link-')), 'home');
    symlinkSync(home, link);
    await expectRefused(home, journalOf(home), { via: link });
  });

  it('other files are fine: one beside the decks, one elsewhere', async () => {
    const beside = join(home, 'reviews.csv');
    expect((await run(['export', '--reviews', '-o', beside], home)).code).toBe(0);
    expect(existsSync(beside)).toBe(true);
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'parley-out-')), 'deck.csv');
    expect((await run(['export', 'morning-market', '--format', 'csv', '-o', elsewhere], home)).code).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
  });
});
