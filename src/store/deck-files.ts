import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { parseDeck, serialiseDeck } from '../core/deck/file.js';
import type { Deck } from '../core/deck/note.js';
import { isSlug } from '../core/deck/slug.js';
import { writeFileAtomic } from './atomic.js';
import { makeDirectory, type HomeLayout } from './home.js';
import type { Store } from './store.js';

/**
 * The one way to a deck file's path. A slug that is not a deck name would be a path hidden in data
 * (a journal line, a cache): that is refused, whatever asked for it.
 */
export function deckPath(paths: HomeLayout, slug: string): string {
  if (!isSlug(slug)) throw new UserError(`"${slug}" is not a deck name`, 'name a deck as `parley decks` lists it');
  return join(paths.decks, `${slug}.json`);
}

/** Slugs of the decks in the home, sorted. A file that cannot be a deck's is named and refused. */
export function listDeckSlugs(paths: HomeLayout): string[] {
  let names: string[];
  try {
    names = readdirSync(paths.decks);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const slugs = names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5));
  const odd = slugs.find((s) => !isSlug(s));
  if (odd !== undefined) {
    throw new UserError(
      `${join(paths.decks, `${odd}.json`)} is not named as a deck file (lowercase letters, digits and hyphens)`,
      'rename it, e.g. to "my-deck.json", or move it out of the decks folder',
    );
  }
  return slugs.sort();
}

/**
 * The deck stored under `slug`, or undefined when there is none. Its slug is its file's name,
 * whatever the file says: a copied or hand-edited file must never name another deck's path.
 */
export function findDeck(paths: HomeLayout, slug: string): Deck | undefined {
  const file = deckPath(paths, slug);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new UserError(`cannot read deck file ${file} (${code})`, 'check its permissions');
  }
  return { ...parseDeck(text, file), slug };
}

export function readDeck(paths: HomeLayout, slug: string): Deck {
  const deck = findDeck(paths, slug);
  if (!deck) throw new UserError(`no deck named "${slug}"`, 'run `parley decks` to see your decks, or `parley import` to make one');
  return deck;
}

export function writeDeck(paths: HomeLayout, deck: Deck): string {
  const file = deckPath(paths, deck.slug);
  makeDirectory(paths.decks);
  writeFileAtomic(file, serialiseDeck(deck));
  return file;
}

/** Removes a deck's file; its history stays in the journal, so a re-import brings it back. */
export function removeDeck(paths: HomeLayout, slug: string): void {
  rmSync(deckPath(paths, slug));
}

/**
 * `parley deck delete`: removes the deck's file under the home lock, as another parley may have
 * renamed or deleted it since the user was asked.
 */
export function deleteDeck(store: Store, slug: string): void {
  store.locked(() => {
    if (!findDeck(store.paths, slug)) throw new UserError(`no deck named "${slug}" any more`, 'run `parley decks` to see your decks');
    removeDeck(store.paths, slug);
  });
}
