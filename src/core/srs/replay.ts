import type { CardEntry, CardState } from './card-state.js';

/** Replays one journal entry onto a deck's card states; replaying an entry twice changes nothing. */
export function applyEntry(states: Map<string, CardState>, entry: CardEntry): void {
  const next = entry.type === 'undo' ? entry.restored : entry.after;
  if (next === null) states.delete(entry.cardId);
  else states.set(entry.cardId, next);
}

const FIELDS = ['due', 'stability', 'difficulty', 'reps', 'lapses', 'state', 'last_review', 'learning_steps', 'suspended', 'buriedUntil'] as const;

/** Whether two stored states are the same card state (key order and absent-vs-undefined aside). */
export function sameState(a: CardState | null, b: CardState | null): boolean {
  if (a === null || b === null) return a === b;
  return FIELDS.every((key) => a[key] === b[key]);
}
