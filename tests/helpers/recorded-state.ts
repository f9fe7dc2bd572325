import type { CardEntry, CardState } from '../../src/core/srs/card-state.js';

/**
 * The state one entry recorded, put on its card: what a journal written by one device adds up to,
 * line by line. Tests and the reliability figures check the session and the store against it,
 * independently of the store's replay (src/core/srs/replay.ts), which must agree for such journals.
 */
export function applyEntry(states: Map<string, CardState>, entry: CardEntry): void {
  const next = entry.type === 'undo' ? entry.restored : entry.after;
  if (next === null) states.delete(entry.cardId);
  else states.set(entry.cardId, next);
}
