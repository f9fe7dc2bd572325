// Issue 10, item 16. The attack: `--home` a 5000-character path (ENAMETOOLONG) or a symbolic link
// loop (ELOOP) printed "unexpected error" and a stack trace (exit 70); so did a loop where a file
// of the home should be (decks/, journal/ or a journal in it, settings.json). The fix: the home check names
// these in one line, and the CLI's table of file-system errors knows ENAMETOOLONG, ELOOP, EINVAL and
// ENXIO (and gives every system call a verb), so any path — a home's file or one the user named —
// fails in one line with exit 1.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn, type InProcessResult } from '../helpers/in-process.js';
import { ownJournal } from '../helpers/journal.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');

function expectOneLine(result: InProcessResult, what: RegExp): void {
  expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^parley: .+ — .+/);
  expect(result.stderr).toMatch(what);
}

/** `dir/name` as a symbolic link that points at itself through a second link. */
function loop(dir: string, name: string): string {
  const path = join(dir, name);
  symlinkSync(join(dir, `${name}.other`), path);
  symlinkSync(path, join(dir, `${name}.other`));
  return path;
}

const long = join(tmpdir(), 'x'.repeat(5000));

describe('a home path the system cannot resolve', () => {
  for (const args of [['decks'], ['stats', '--json'], ['config', 'list'], ['config', 'set', 'newPerDay', '5'], ['import', SAMPLE]]) {
    it(`a 5000-character --home: ${args.join(' ')} is one line`, async () => {
      const result = await parleyIn(['--home', long, ...args]);
      expectOneLine(result, /too long/);
      // The path is shortened, not printed whole.
      expect(result.stderr.length).toBeLessThan(400);
    });

    it(`a symbolic-link loop as --home: ${args.join(' ')} is one line`, async () => {
      const home = loop(mkdtempSync(join(tmpdir(), 'parley-loop-')), 'home');
      expectOneLine(await parleyIn(['--home', home, ...args]), /symbolic link/);
    });
  }
});

describe('a loop where a file of the home should be', () => {
  /** A home with `name` (relative to it, or given by the home) looping; the journal is this device's. */
  async function homeWith(name: string | ((home: string) => string)): Promise<string> {
    const home = tempHome();
    expect((await parleyIn(['import', SAMPLE], { home })).code).toBe(0);
    const path = typeof name === 'string' ? join(home, name) : name(home);
    rmSync(path, { recursive: true, force: true });
    loop(dirname(path), basename(path));
    return home;
  }

  it('decks/: decks is one line', async () => expectOneLine(await parleyIn(['decks'], { home: await homeWith('decks') }), /decks.*symbolic link/));
  it('journal/: stats is one line', async () => expectOneLine(await parleyIn(['stats'], { home: await homeWith('journal') }), /journal.*symbolic link/));
  it('journal/: export --reviews is one line', async () => expectOneLine(await parleyIn(['export', '--reviews'], { home: await homeWith('journal') }), /journal/));
  it('this device\'s journal: stats is one line', async () => {
    const home = await homeWith(ownJournal);
    expectOneLine(await parleyIn(['stats'], { home }), new RegExp(`${basename(ownJournal(home))}.*symbolic link`));
  });
  it('this device\'s journal: export --reviews is one line', async () => {
    const home = await homeWith(ownJournal);
    expectOneLine(await parleyIn(['export', '--reviews'], { home }), new RegExp(basename(ownJournal(home))));
  });
  it('settings.json: config list is one line', async () => expectOneLine(await parleyIn(['config', 'list'], { home: await homeWith('settings.json') }), /settings\.json/));
  it('settings.json: config set is one line', async () => expectOneLine(await parleyIn(['config', 'set', 'newPerDay', '5'], { home: await homeWith('settings.json') }), /settings\.json/));
});

describe('a file argument the system cannot resolve', () => {
  it('import of a symbolic-link loop is one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-loop-'));
    expectOneLine(await parleyIn(['import', loop(dir, 'article.txt')], { home: tempHome() }), /symbolic link|ELOOP/);
  });

  it('import of a 5000-character path is one line', async () => {
    expectOneLine(await parleyIn(['import', `${long}.txt`], { home: tempHome() }), /too long|ENAMETOOLONG/);
  });

  it('export -o into a looping directory is one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-loop-'));
    const home = tempHome();
    mkdirSync(join(home, 'decks'));
    expectOneLine(await parleyIn(['export', '--reviews', '-o', join(loop(dir, 'out'), 'reviews.csv')], { home }), /symbolic link|ELOOP/);
  });
});
