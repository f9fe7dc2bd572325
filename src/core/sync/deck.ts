import { parseDeck, serialiseDeck } from '../deck/file.js';
import type { Deck, Note } from '../deck/note.js';

export interface DeckMerge {
  /** The merged file; undefined when the deck is deleted. */
  text: string | undefined;
  /** Ids of notes both sides changed differently: the file keeps ours. */
  conflicts: string[];
  /** Deleted on one side and changed on the other: the changed file is kept. */
  keptChanged: boolean;
  /** A side is not a deck file parley can read: ours is kept whole, as in a conflict. */
  unreadable: boolean;
}

const result = (text: string | undefined, more: Partial<DeckMerge> = {}): DeckMerge =>
  ({ text, conflicts: [], keptChanged: false, unreadable: false, ...more });

/** What a note says, whatever its place: two notes saying the same are the same note. */
const content = (n: Note) =>
  JSON.stringify([n.kind, n.zh, n.en, n.lang || null, n.pos || null, n.pinyin || null, n.note || null, n.context?.zh ?? null, n.context?.en ?? null, n.cloze ?? null]);

/** The three-way choice for one value: whichever side changed it; ours when both did. */
function pick<T>(base: T | undefined, ours: T, theirs: T, same: (a: T, b: T) => boolean): T {
  if (same(ours, theirs)) return ours;
  if (base !== undefined && same(base, ours)) return theirs;
  return ours;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function tryParse(text: string, file: string): Deck | undefined {
  try {
    return parseDeck(text, file);
  } catch {
    return undefined;
  }
}

/**
 * Merges the two sides of a deck file against their common base, note by note: the same id is
 * the same note. Notes either side added are kept; a note one side deleted and the other left as
 * it was is deleted; a note one side changed takes that change; a note both changed differently is
 * a conflict, and the merge keeps ours. The file stays a valid deck, written as parley writes one.
 * `undefined` stands for an absent file (no base: added on both sides).
 */
export function mergeDeckFile(file: string, base: string | undefined, ours: string | undefined, theirs: string | undefined): DeckMerge {
  if (ours === theirs || base === theirs) return result(ours);
  if (base === ours) return result(theirs);
  if (ours === undefined || theirs === undefined) return result(ours ?? theirs, { keptChanged: true });
  const [o, t] = [tryParse(ours, file), tryParse(theirs, file)];
  if (!o || !t) return result(ours, { unreadable: true });
  const b = base === undefined ? undefined : tryParse(base, file);
  const { notes, conflicts } = mergeNotes(b?.notes ?? [], o.notes, t.notes);
  const deck: Deck = {
    ...o,
    name: pick(b?.name, o.name, t.name, (x, y) => x === y),
    source: pick(b?.source, o.source, t.source, sameJson),
    notes,
  };
  return result(serialiseDeck(deck), { conflicts });
}

function mergeNotes(base: readonly Note[], ours: readonly Note[], theirs: readonly Note[]): { notes: Note[]; conflicts: string[] } {
  const baseById = new Map(base.map((n) => [n.id, n]));
  const theirsById = new Map(theirs.map((n) => [n.id, n]));
  const oursIds = new Set(ours.map((n) => n.id));
  const unchanged = (n: Note) => {
    const was = baseById.get(n.id);
    return was !== undefined && content(was) === content(n) && was.order === n.order;
  };
  const notes: Note[] = [];
  const conflicts: string[] = [];
  for (const mine of ours) {
    const other = theirsById.get(mine.id);
    if (!other) {
      // Theirs deleted a note ours left alone: it goes. One ours added, or changed, stays.
      if (!unchanged(mine)) notes.push(mine);
      continue;
    }
    const was = baseById.get(mine.id);
    let chosen = mine;
    if (content(mine) !== content(other)) {
      if (was && content(was) === content(mine)) chosen = other;
      // Both changed it (or both added it) differently: a true conflict.
      else if (!was || content(was) !== content(other)) conflicts.push(mine.id);
    }
    notes.push({ ...chosen, order: pick(was?.order, mine.order, other.order, (x, y) => x === y) });
  }
  for (const other of theirs) {
    if (!oursIds.has(other.id) && !unchanged(other)) notes.push(other);
  }
  return { notes, conflicts };
}
