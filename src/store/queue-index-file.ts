import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { noteSpans, parseNote } from '../core/deck/file.js';
import type { Note } from '../core/deck/note.js';
import type { JournalEntry } from '../core/srs/card-state.js';
import type { IndexedDeck, QueueIndex } from '../core/srs/queue-index.js';
import { writeFileAtomic } from './atomic.js';
import { deckPath } from './deck-files.js';
import { makeDirectory, type HomeLayout } from './home.js';
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
 * The saved index, narrowed to these decks, if it holds each of them and their files are as
 * stamped (see `deckStamps`) when it was saved, with the journal entries made after it; undefined
 * otherwise.
 */
export function readQueueIndex(
  paths: HomeLayout,
  slugs: readonly string[],
  stamps: Readonly<Record<string, Stamp>>,
): { index: QueueIndex; later: JournalEntry[] } | undefined {
  let saved: Saved;
  try {
    saved = JSON.parse(readFileSync(join(paths.state, FILE), 'utf8')) as Saved;
  } catch {
    return undefined;
  }
  if (saved?.version !== 1 || !Array.isArray(saved.index?.decks)) return undefined;
  const decks = slugs.map((slug) => saved.index.decks.find((deck) => deck.slug === slug));
  if (!slugs.every((slug, i) => decks[i] && sameStamp(stamps[slug], saved.stamps?.[slug]))) return undefined;
  try {
    const later = readJournal(paths.journal, saved.mark).entries.map((placed) => placed.entry);
    return { index: { decks: decks as IndexedDeck[], pairs: saved.index.pairs }, later };
  } catch {
    // A journal that shrank or cannot be read: the full load says what is wrong.
    return undefined;
  }
}

/**
 * Saves the index, with where each note lies in its deck file; a home that cannot be written just
 * goes without.
 */
export function saveQueueIndex(paths: HomeLayout, stamps: Record<string, Stamp>, mark: JournalMark, index: QueueIndex): void {
  const decks = index.decks.map((deck) => {
    const spans = spansIn(deckPath(paths, deck.slug), stamps[deck.slug]);
    return spans && spans.length === deck.kinds.length * 2 ? { ...deck, spans: encodeSpans(spans) } : deck;
  });
  const saved: Saved = { version: 1, mark, stamps, index: { ...index, decks } };
  try {
    makeDirectory(paths.state);
    writeFileAtomic(join(paths.state, FILE), JSON.stringify(saved));
  } catch {
    // An index only saves time.
  }
}

/** The notes' byte spans in a deck file that is still the one stamped. */
function spansIn(file: string, stamped: Stamp | undefined): number[] | undefined {
  try {
    const spans = noteSpans(readFileSync(file));
    return sameStamp(stamp(file), stamped) ? spans : undefined;
  } catch {
    return undefined;
  }
}

/** Offsets as base-36 differences from the one before: a few characters a note. */
function encodeSpans(offsets: readonly number[]): string {
  let previous = 0;
  return offsets.map((offset) => {
    const delta = offset - previous;
    previous = offset;
    return delta.toString(36);
  }).join(',');
}

/**
 * The note at position `n` of an indexed deck, read alone from the deck file; undefined when the
 * file does not hold that note there (the notes are not stored in article order, or it changed).
 */
export function readIndexedNote(paths: HomeLayout, deck: IndexedDeck, n: number, id: string): Note | undefined {
  const deltas = deck.spans?.split(',', 2 * n + 2);
  if (!deltas || deltas.length < 2 * n + 2) return undefined;
  let start = 0;
  let end = 0;
  deltas.forEach((delta, i) => {
    end += parseInt(delta, 36);
    if (i === 2 * n) start = end;
  });
  const bytes = Buffer.alloc(Math.max(0, end - start));
  let fd: number | undefined;
  try {
    fd = openSync(deckPath(paths, deck.slug), 'r');
    readSync(fd, bytes, 0, bytes.length, start);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const note = parseNote(bytes.toString('utf8'));
  return note?.id === id ? note : undefined;
}
