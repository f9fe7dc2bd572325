import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { parseDeck, serialiseDeck } from '../core/deck/file.js';
import type { Deck } from '../core/deck/note.js';
import { writeFileAtomic } from './atomic.js';
import { makeDirectory, type HomeLayout } from './home.js';

export function deckPath(paths: HomeLayout, slug: string): string {
  return join(paths.decks, `${slug}.json`);
}

/** Slugs of the decks in the home, sorted. */
export function listDeckSlugs(paths: HomeLayout): string[] {
  let names: string[];
  try {
    names = readdirSync(paths.decks);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5)).sort();
}

/** The deck in `file`, or undefined when there is no such file. */
export function findDeckFile(file: string): Deck | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new UserError(`cannot read deck file ${file} (${code})`, 'check its permissions');
  }
  return parseDeck(text, file);
}

export function findDeck(paths: HomeLayout, slug: string): Deck | undefined {
  return findDeckFile(deckPath(paths, slug));
}

export function readDeck(paths: HomeLayout, slug: string): Deck {
  const deck = findDeck(paths, slug);
  if (!deck) throw new UserError(`no deck named "${slug}"`, 'run `parley decks` to see your decks, or `parley import` to make one');
  return deck;
}

export function writeDeck(paths: HomeLayout, deck: Deck): string {
  makeDirectory(paths.decks);
  const file = deckPath(paths, deck.slug);
  writeFileAtomic(file, serialiseDeck(deck));
  return file;
}
