// Import as a user's shell runs it: a file, standard input through a real pipe, and the progress
// bar on a real terminal. The rest of import is tested in-process, in tests/commands/import.test.ts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, ROOT, tempHome } from '../helpers/cli.js';
import { runInTerminal } from '../helpers/pty.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');

function write(dir: string, name: string, data: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

describe('parley import, as a user\'s shell runs it', () => {
  it('writes a deck and says what it found', () => {
    const home = tempHome();
    const result = parley(['import', SAMPLE], { home });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('8 sentence pairs, 2 vocabulary items');
    expect(result.stdout).toContain('added 10');
    const deck = JSON.parse(readFileSync(join(home, 'decks', 'morning-market.json'), 'utf8'));
    expect(deck.format).toBe('parley-deck/1');
    expect(deck.notes).toHaveLength(10);
    const decks = JSON.parse(parley(['decks', '--json'], { home }).stdout);
    // 熟客 is in its context sentence: a cloze card besides the two a note.
    expect(decks[0]).toMatchObject({ slug: 'morning-market', notes: 10, cards: 21, new: 21 });
  });

  it('reads standard input with --deck', () => {
    const home = tempHome();
    const result = parley(['import', '-', '--deck', 'From Stdin'], { home, input: readFileSync(SAMPLE, 'utf8') });
    expect(result.status).toBe(0);
    expect(readdirSync(join(home, 'decks'))).toEqual(['from-stdin.json']);
  });

  it('shows a progress bar on a terminal for a long article, and none in a pipe', async () => {
    // @ts-expect-error -- a plain ESM script without types
    const { makeBook } = await import('../../scripts/bench-book.mjs');
    const file = write(tempHome(), 'book.txt', makeBook(4000).text);
    const home = tempHome();
    const term = runInTerminal(['import', file, '--dry-run'], { PARLEY_HOME: home, NO_COLOR: '1' });
    expect(await term.exited).toBe(0);
    expect(term.output()).toMatch(/aligning \[#*\s*\] \d+%/);
    expect(parley(['import', file, '--dry-run'], { home }).stderr).toBe('');
  }, 60_000);
});
