import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mergeNotes } from '../core/deck/merge.js';
import { isSlug } from '../core/deck/slug.js';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from './atomic.js';
import { findDeck, removeDeck, writeDeck } from './deck-files.js';
import { journalPath, type HomeLayout } from './home.js';
import { knownDevice } from './device.js';
import { withLock } from './lock.js';
import { atLineBoundary, readJournal, type JournalMark } from './journal.js';
import type { Store } from './store.js';

/** A rename begun: the journal line it writes, and the deck file steps after it. */
interface Pending {
  id: string;
  from: string;
  to: string;
  name: string;
  /** Where the journal ended before the line: it is at or after this place, if it was written. */
  mark: JournalMark;
}

/**
 * Renames a deck. The rename is one journal line carrying every card state (whole or absent), so
 * the schedule moves at once; the deck file steps after it only repeat what the line says, and a
 * marker written first lets a re-run, or the next start of parley, finish them after a crash.
 * Everything runs under the home lock, so a second rename meanwhile finds the deck gone.
 */
export function renameDeck(store: Store, from: string, to: { name: string; slug: string }, id: string, at: string): number {
  const { paths } = store;
  return store.locked(() => {
    if (!findDeck(paths, from)) throw new UserError(`no deck named "${from}" any more (another parley renamed or deleted it)`, 'run `parley decks` to see your decks');
    if (findDeck(paths, to.slug)) throw new UserError(`a deck "${to.slug}" already exists`, 'choose another name, or `parley deck delete` that one first');
    const pending: Pending = { id, from, to: to.slug, name: to.name, mark: store.end };
    writeFileAtomic(paths.pendingRename, `${JSON.stringify(pending)}\n`);
    const moved = store.commitRename(from, to.slug, id, at);
    finish(paths, pending);
    return moved;
  });
}

/** The file steps of a rename whose journal line is written; each is safe to repeat. */
function finish(paths: HomeLayout, pending: Pending): void {
  const deck = findDeck(paths, pending.from);
  if (deck) {
    // A deck another parley made under the new name after a kill keeps its notes; these join them.
    const there = findDeck(paths, pending.to);
    const notes = there ? mergeNotes(there.notes, deck.notes).notes : deck.notes;
    writeDeck(paths, { ...deck, name: pending.name, slug: pending.to, notes });
    removeDeck(paths, pending.from);
  }
  rmSync(paths.pendingRename, { force: true });
}

function readPending(path: string): Pending | undefined {
  let value: Partial<Pending>;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Pending>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    value = {};
  }
  const ok = typeof value.id === 'string' && typeof value.name === 'string' && typeof value.from === 'string' &&
    typeof value.to === 'string' && isSlug(value.from) && isSlug(value.to) && value.from !== value.to &&
    Number.isInteger(value.mark?.offset) && value.mark!.offset >= 0 && Number.isInteger(value.mark?.line) && value.mark!.line >= 1;
  if (!ok) throw damagedMarker(path);
  return value as Pending;
}

function damagedMarker(path: string): UserError {
  return new UserError(`${path} is damaged (an interrupted deck rename)`, 'delete it, then check `parley decks` and run the rename again if needed');
}

/** Whether the marker's journal place is one the journal has: else the marker, not the journal, is wrong. */
function placeInJournal(journal: string, mark: JournalMark): boolean {
  let size = 0;
  try {
    size = statSync(journal).size;
  } catch {
    // No journal: only its start is a place in it.
  }
  return mark.offset <= size && atLineBoundary(journal, mark);
}

/** The journal this device appends to; a home no release with devices has opened keeps its one journal. */
function ownJournal(paths: HomeLayout): string {
  const own = knownDevice(paths);
  return own === undefined || existsSync(paths.legacyJournal) ? paths.legacyJournal : journalPath(paths, own);
}

/**
 * Finishes a rename a crash interrupted: its file steps if its journal line was written, else
 * forgets it (nothing else had changed).
 */
export function finishInterruptedRename(paths: HomeLayout): void {
  withLock(paths.lock, () => {
    const pending = readPending(paths.pendingRename);
    if (!pending) return;
    const journal = ownJournal(paths);
    if (!placeInJournal(journal, pending.mark)) throw damagedMarker(paths.pendingRename);
    const written = readJournal(journal, pending.mark).entries.some((placed) => placed.entry.id === pending.id);
    if (written) finish(paths, pending);
    else rmSync(paths.pendingRename, { force: true });
  });
}
