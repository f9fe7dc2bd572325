// Found by an attacker (issue 10, item 1): `loadDeck` trusted the deck file's own "slug" field to
// build paths. A deck file edited to say "slug": "../../pwned" made `parley deck rename` unlink and
// write `../../pwned.json` outside the home, and `parley suspend` wrote that slug into the journal.
// Without malice, `cp decks/a.json decks/copy.json` made `parley decks` crash, and renaming the copy
// deleted the original. Now a deck's slug is its file's name, whatever the file says.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { journalOf } from '../helpers/journal.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const NOW = '2026-11-29T10:00:00Z';

async function sampleHome(): Promise<{ root: string; home: string }> {
  const root = tempHome();
  const home = join(root, 'a', 'b', 'home');
  mkdirSync(home, { recursive: true });
  expect((await parleyIn(['import', SAMPLE, '--deck', 'plain'], { home })).code).toBe(0);
  return { root, home };
}

function editSlug(home: string, file: string, slug: string): string {
  const path = join(home, 'decks', file);
  const deck = JSON.parse(readFileSync(path, 'utf8'));
  deck.slug = slug;
  writeFileSync(path, `${JSON.stringify(deck, null, 2)}\n`);
  return deck.notes[0].id as string;
}

describe('a deck file whose "slug" says something else than its file name', () => {
  it('rename never touches a path the file names', async () => {
    const { root, home } = await sampleHome();
    editSlug(home, 'plain.json', '../../pwned');
    const result = await parleyIn(['deck', 'rename', 'plain', 'renamed'], { home, env: { PARLEY_NOW: NOW } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(root, 'a', 'pwned.json'))).toBe(false);
    expect(readdirSync(join(home, 'decks'))).toEqual(['renamed.json']);
    expect(JSON.parse(readFileSync(join(home, 'decks', 'renamed.json'), 'utf8')).slug).toBe('renamed');
  });

  it('suspend journals the file name, not the slug the file claims', async () => {
    const { home } = await sampleHome();
    const noteId = editSlug(home, 'plain.json', '../../pwned');
    expect((await parleyIn(['suspend', noteId], { home, env: { PARLEY_NOW: NOW } })).code).toBe(0);
    const journal = readFileSync(journalOf(home), 'utf8');
    expect(journal).not.toContain('pwned');
    expect(journal).toContain('"deck":"plain"');
  });

  it('a copied deck file is its own deck: listed, and renaming it leaves the original', async () => {
    const { home } = await sampleHome();
    copyFileSync(join(home, 'decks', 'plain.json'), join(home, 'decks', 'copy.json'));
    const decks = await parleyIn(['decks', '--json'], { home, env: { PARLEY_NOW: NOW } });
    expect(decks.stderr).toBe('');
    expect(decks.code).toBe(0);
    expect(JSON.parse(decks.stdout).map((d: { slug: string }) => d.slug)).toEqual(['copy', 'plain']);
    const renamed = await parleyIn(['deck', 'rename', 'copy', 'copy2'], { home, env: { PARLEY_NOW: NOW } });
    expect(renamed.code).toBe(0);
    expect(readdirSync(join(home, 'decks')).sort()).toEqual(['copy2.json', 'plain.json']);
  });

  it('a deck file whose name is not a deck name is refused in one line', async () => {
    const { home } = await sampleHome();
    copyFileSync(join(home, 'decks', 'plain.json'), join(home, 'decks', 'Bad Name.json'));
    const result = await parleyIn(['decks'], { home, env: { PARLEY_NOW: NOW } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Bad Name\.json.* — rename/);
  });
});
