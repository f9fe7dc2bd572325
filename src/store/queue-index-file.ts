import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry } from '../core/srs/card-state.js';
import type { QueueIndex } from '../core/srs/queue-index.js';
import { writeFileAtomic } from './atomic.js';
import { deckPath } from './deck-files.js';
import type { HomeLayout } from './home.js';
import { readJournal, type JournalMark } from './journal.js';
import { sameStamp, stamp, type Stamp } from './stamp.js';

/**
 * The queue index of the last session over every deck (see core/srs/queue-index.ts), with where
 * the journal stood and each deck file's stamp. Derived data: a missing, damaged or outdated file
 * only means the first card waits for everything to load.
 */
interface Saved {
  version: 1;
  mark: JournalMark;
  stamps: Record<string, Stamp>;
  index: QueueIndex;
}

// An underscore cannot appear in a slug, so no deck's snapshot can have this name.
const FILE = '_queue.json';

/** Stamps of the deck files, taken before they are read, so a change made meanwhile shows up as a mismatch. */
export function deckStamps(paths: HomeLayout, slugs: readonly string[]): Record<string, Stamp> | undefined {
  const stamps: Record<string, Stamp> = {};
  for (const slug of slugs) {
    const found = stamp(deckPath(paths, slug));
    if (!found) return undefined;
    stamps[slug] = found;
  }
  return stamps;
}

/**
 * The saved index if it covers exactly these decks and none of their files changed since, with
 * the journal entries made after it; undefined otherwise.
 */
export function readQueueIndex(paths: HomeLayout, slugs: readonly string[]): { index: QueueIndex; later: JournalEntry[] } | undefined {
  let saved: Saved;
  try {
    saved = JSON.parse(readFileSync(join(paths.state, FILE), 'utf8')) as Saved;
  } catch {
    return undefined;
  }
  if (saved?.version !== 1 || !Array.isArray(saved.index?.decks) || saved.index.decks.length !== slugs.length) return undefined;
  const stamps = deckStamps(paths, slugs);
  if (!stamps || !slugs.every((slug) => sameStamp(stamps[slug], saved.stamps?.[slug]))) return undefined;
  if (!saved.index.decks.every((deck) => deck.slug in stamps)) return undefined;
  try {
    return { index: saved.index, later: readJournal(paths.journal, saved.mark).entries.map((placed) => placed.entry) };
  } catch {
    // A journal that shrank or cannot be read: the full load says what is wrong.
    return undefined;
  }
}

/** Saves the index; a home that cannot be written just goes without. */
export function saveQueueIndex(paths: HomeLayout, stamps: Record<string, Stamp>, mark: JournalMark, index: QueueIndex): void {
  const saved: Saved = { version: 1, mark, stamps, index };
  try {
    mkdirSync(paths.state, { recursive: true });
    writeFileAtomic(join(paths.state, FILE), JSON.stringify(saved));
  } catch {
    // An index only saves time.
  }
}
