import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isSlug } from '../core/deck/slug.js';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from './atomic.js';
import { deckPath, findDeck, writeDeck } from './deck-files.js';
import type { HomeLayout } from './home.js';
import { withLock } from './lock.js';
import { readJournal, type JournalMark } from './journal.js';
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
    store.loadDecks([from, to.slug]);
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
    writeDeck(paths, { ...deck, name: pending.name, slug: pending.to });
    rmSync(deckPath(paths, pending.from));
  }
  // The old snapshot is a cache of states the rename line now carries to the new slug.
  rmSync(join(paths.state, `${pending.from}.json`), { force: true });
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
    typeof value.to === 'string' && isSlug(value.from) && isSlug(value.to) &&
    Number.isInteger(value.mark?.offset) && Number.isInteger(value.mark?.line);
  if (!ok) throw new UserError(`${path} is damaged (an interrupted deck rename)`, 'delete it, then check `parley decks` and run the rename again if needed');
  return value as Pending;
}

/**
 * Finishes a rename a crash interrupted: its file steps if its journal line was written, else
 * forgets it (nothing else had changed).
 */
export function finishInterruptedRename(paths: HomeLayout): void {
  withLock(paths.lock, () => {
    const pending = readPending(paths.pendingRename);
    if (!pending) return;
    const written = readJournal(paths.journal, pending.mark).entries.some((placed) => placed.entry.id === pending.id);
    if (written) finish(paths, pending);
    else rmSync(paths.pendingRename, { force: true });
  });
}
