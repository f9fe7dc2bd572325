// Issue 10, item 14. The attack: `parley export --reviews -o <home>/journal.jsonl` replaced the
// review journal — the durable truth — with CSV and exited 0. Now an output path that resolves
// (its directory's real path plus its name, and the file itself when it is a symbolic link) to one
// of the home's own files — the journal, settings.json, decks/, state/, the lock, and their
// temporary siblings — is refused in one line, exit 1, nothing written. Other files in the home
// directory (an export beside the decks) are still allowed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, parley, ROOT, tempHome } from '../helpers/cli.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const NOW = { PARLEY_NOW: '2026-11-29T10:00:00Z' };

function sampleHome(): string {
  const home = tempHome();
  expect(parley(['import', SAMPLE], { home, env: NOW }).status).toBe(0);
  const noteId = JSON.parse(readFileSync(join(home, 'decks', 'morning-market.json'), 'utf8')).notes[0].id as string;
  expect(parley(['suspend', noteId], { home, env: NOW }).status).toBe(0);
  expect(parley(['config', 'set', 'newPerDay', '7'], { home }).status).toBe(0);
  expect(parley(['stats'], { home, env: NOW }).status).toBe(0);
  return home;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name)] = readFileSync(join(e.parentPath, e.name), 'latin1');
  }
  return out;
}

function run(args: string[], home: string, cwd?: string) {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', PARLEY_HOME: home, ...NOW };
  return spawnSync(process.execPath, [CLI, ...args], { env, cwd, input: '', encoding: 'utf8' });
}

function expectRefused(home: string, output: string, options: { cwd?: string; via?: string } = {}): void {
  const before = snapshot(home);
  for (const args of [['export', '--reviews', '-o', output], ['export', 'morning-market', '--format', 'csv', '-o', output]]) {
    const result = run(args, options.via ?? home, options.cwd);
    expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^parley: .*parley home.* — .+/);
    expect(snapshot(home)).toEqual(before);
  }
}

describe('export -o onto the home\'s own files', () => {
  const home = sampleHome();
  for (const name of ['journal.jsonl', 'settings.json', '.lock', 'decks/morning-market.json', 'decks/new.csv', 'decks', 'state', 'state/_summaries.json', 'settings.json.tmp-1234', '.lock.4242']) {
    it(`-o <home>/${name}: refused, nothing written`, () => expectRefused(home, join(home, name)));
  }

  it('through a symbolic link to the home directory', () => {
    const link = join(mkdtempSync(join(tmpdir(), 'parley-link-')), 'home');
    symlinkSync(home, link);
    expectRefused(home, join(link, 'journal.jsonl'));
  });

  it('through a symbolic link to the journal itself', () => {
    const link = join(mkdtempSync(join(tmpdir(), 'parley-link-')), 'reviews.csv');
    symlinkSync(join(home, 'journal.jsonl'), link);
    expectRefused(home, link);
  });

  it('a relative path, from inside the home', () => expectRefused(home, 'journal.jsonl', { cwd: home }));
  it('a path with .. in it', () => expectRefused(home, join(home, 'decks', '..', 'settings.json')));

  it('when the home itself is named through a symbolic link', () => {
    const link = join(mkdtempSync(join(tmpdir(), 'parley-link-')), 'home');
    symlinkSync(home, link);
    expectRefused(home, join(home, 'journal.jsonl'), { via: link });
  });

  it('other files are fine: one beside the decks, one elsewhere', () => {
    const beside = join(home, 'reviews.csv');
    expect(run(['export', '--reviews', '-o', beside], home).status).toBe(0);
    expect(existsSync(beside)).toBe(true);
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'parley-out-')), 'deck.csv');
    expect(run(['export', 'morning-market', '--format', 'csv', '-o', elsewhere], home).status).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
  });
});
