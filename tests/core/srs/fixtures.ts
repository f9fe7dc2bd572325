import type { Direction, Note } from '../../../src/core/deck/note.js';
import { cardId } from '../../../src/core/deck/note.js';
import type { CardState } from '../../../src/core/srs/card-state.js';
import { cardsOfDeck, type DeckCards } from '../../../src/core/srs/queue.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.js';

export const settings: Settings = { ...DEFAULT_SETTINGS };

export function sentence(id: string, zh: string, en: string, order: number): Note {
  return { id, kind: 'sentence', zh, en, order };
}

export function vocab(id: string, zh: string, en: string, order: number, extra: Partial<Note> = {}): Note {
  return { id, kind: 'vocab', zh, en, lang: 'en', order, ...extra };
}

/** A review card due at `due`, with a plausible history. */
export function reviewState(due: string, extra: Partial<CardState> = {}): CardState {
  return {
    due, stability: 10, difficulty: 5, elapsed_days: 0, scheduled_days: 10, learning_steps: 0,
    reps: 3, lapses: 0, state: 2, last_review: new Date(Date.parse(due) - 10 * 86_400_000).toISOString(), ...extra,
  };
}

export function learningState(due: string, extra: Partial<CardState> = {}): CardState {
  return { ...reviewState(due), state: 1, stability: 1, scheduled_days: 0, learning_steps: 1, reps: 1, ...extra };
}

export function deck(notes: Note[], states: Record<string, CardState> = {}, slug = 'demo'): DeckCards {
  return cardsOfDeck({ slug, name: slug, notes }, new Map(Object.entries(states)));
}

export const id = (noteId: string, direction: Direction) => cardId(noteId, direction);

/** Counter ids so journal entries are repeatable. */
export function counter(prefix = 'e'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}
