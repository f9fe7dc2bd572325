import { normaliseForId } from './id.js';
import type { Note } from './note.js';

export interface MergeResult {
  notes: Note[];
  added: number;
  updated: number;
  unchanged: number;
}

const sameContent = (a: Note, b: Note) =>
  a.zh === b.zh && a.en === b.en && a.pos === b.pos && a.pinyin === b.pinyin && a.note === b.note &&
  a.lang === b.lang && (a.source ?? 'article') === (b.source ?? 'article') && a.context?.zh === b.context?.zh && a.context?.en === b.context?.en &&
  a.cloze === b.cloze;

/**
 * Merges freshly imported notes into a deck's notes. A note with a known id is unchanged or
 * updated in place; a sentence whose id is new but whose Chinese or English side equals an old
 * note's is that note corrected, so it takes the old id and keeps its review history. Notes the
 * import no longer has stay: removing them would hide history the user may want back.
 */
export function mergeNotes(existing: readonly Note[], incoming: readonly Note[]): MergeResult {
  const notes = existing.map((n) => ({ ...n }));
  const byId = new Map(notes.map((n, i) => [n.id, i]));
  const claimed = new Set<string>();
  const bySide = new Map<string, number>();
  notes.forEach((n, i) => {
    if (n.kind !== 'sentence') return;
    bySide.set(`zh\u0000${normaliseForId(n.zh)}`, i);
    bySide.set(`en\u0000${normaliseForId(n.en)}`, i);
  });
  let order = notes.reduce((m, n) => Math.max(m, n.order), -1) + 1;
  const result: MergeResult = { notes, added: 0, updated: 0, unchanged: 0 };

  const matchOf = (note: Note): number | undefined => {
    const direct = byId.get(note.id);
    if (direct !== undefined) return direct;
    if (note.kind !== 'sentence') return undefined;
    for (const key of [`zh\u0000${normaliseForId(note.zh)}`, `en\u0000${normaliseForId(note.en)}`]) {
      const i = bySide.get(key);
      if (i !== undefined && !claimed.has(notes[i]!.id)) return i;
    }
    return undefined;
  };

  for (const note of incoming) {
    const at = matchOf(note);
    if (at === undefined) {
      const added = { ...note, order: order++ };
      byId.set(added.id, notes.length);
      notes.push(added);
      claimed.add(added.id);
      result.added++;
      continue;
    }
    const old = notes[at]!;
    if (claimed.has(old.id)) continue;
    claimed.add(old.id);
    if (sameContent(old, note)) {
      result.unchanged++;
    } else {
      notes[at] = { ...note, id: old.id, order: old.order };
      result.updated++;
    }
  }
  return result;
}
