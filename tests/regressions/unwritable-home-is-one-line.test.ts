// Found by `npm run reliability` (bad input): on a read-only or full disk, a grade or a deck write
// crashed with "unexpected error" and a stack trace (exit 70), and on a full disk the lock's pid
// file was left behind; a directory where settings.json or journal.jsonl should be did the same.
// Now each is one line naming the problem, exit 1, and no file is left or changed.
import { spawnSync } from 'node:child_process';
import { cpSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn, type InProcessResult } from '../helpers/in-process.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const NOW = '2026-11-29T10:00:00Z';

async function sampleHome(): Promise<{ home: string; noteId: string }> {
  const home = tempHome();
  expect((await parleyIn(['import', SAMPLE], { home })).code).toBe(0);
  const noteId = JSON.parse(readFileSync(join(home, 'decks', 'morning-market.json'), 'utf8')).notes[0].id as string;
  return { home, noteId };
}

function expectOneLine(result: InProcessResult, what: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^parley: .+ — .+/);
  expect(result.stderr).toMatch(what);
  expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
}

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('a directory where a store file should be', () => {
  it('settings.json as a directory: one line naming it', async () => {
    const { home } = await sampleHome();
    mkdirSync(join(home, 'settings.json'));
    expectOneLine(await parleyIn(['config', 'set', 'newPerDay', '5'], { home }), /settings\.json is a directory/);
  });

  it('journal.jsonl as a directory: one line naming it', async () => {
    const { home, noteId } = await sampleHome();
    mkdirSync(join(home, 'journal.jsonl'));
    expectOneLine(await parleyIn(['suspend', noteId], { home, env: { PARLEY_NOW: NOW } }), /journal\.jsonl is a directory/);
  });
});

// Real mounts: chmod cannot stop root, so a read-only or full file system needs a tmpfs.
const mounts: string[] = [];
function tmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'parley-mount-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});
const canMount = process.getuid?.() === 0 && (() => {
  const probe = tmpfs('64k');
  return probe !== undefined;
})();

describe.skipIf(!canMount)('a home on a read-only or full disk', () => {
  it('read-only: a grade and a rename are one line each, nothing changes', async () => {
    const { home: source, noteId } = await sampleHome();
    const mount = tmpfs('1m')!;
    const home = join(mount, 'home');
    cpSync(source, home, { recursive: true });
    expect(spawnSync('mount', ['-o', 'remount,ro', mount]).status).toBe(0);
    expectOneLine(await parleyIn(['suspend', noteId], { home, env: { PARLEY_NOW: NOW } }), /read-only/);
    expectOneLine(await parleyIn(['deck', 'rename', 'morning-market', 'market'], { home }), /read-only/);
  });

  it('full: a grade is one line and leaves no lock file behind', async () => {
    const { home: source, noteId } = await sampleHome();
    const mount = tmpfs('256k')!;
    const home = join(mount, 'home');
    cpSync(source, home, { recursive: true });
    const fd = openSync(join(mount, 'filler'), 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(4096, 1));
    } catch {
      // full now
    } finally {
      closeSync(fd);
    }
    const before = listing(home);
    expectOneLine(await parleyIn(['suspend', noteId], { home, env: { PARLEY_NOW: NOW } }), /no space|ENOSPC/);
    expect(listing(home)).toEqual(before);
    rmSync(join(mount, 'filler'));
  });
});
