import { cardId, DIRECTIONS, type Note } from '../deck/note.js';
import type { CardState } from '../srs/card-state.js';

/** Cards by FSRS state; a suspended card counts only as suspended. */
export interface StateCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
}

export function emptyCounts(): StateCounts {
  return { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 };
}

export function countByState(notes: readonly Pick<Note, 'id'>[], states: ReadonlyMap<string, CardState>): StateCounts {
  const counts = emptyCounts();
  for (const note of notes) {
    for (const direction of DIRECTIONS) {
      const state = states.get(cardId(note.id, direction));
      if (state?.suspended) counts.suspended++;
      else if (!state || state.state === 0) counts.new++;
      else if (state.state === 1) counts.learning++;
      else if (state.state === 2) counts.review++;
      else counts.relearning++;
    }
  }
  return counts;
}

export function addCounts(a: StateCounts, b: StateCounts): StateCounts {
  return {
    new: a.new + b.new,
    learning: a.learning + b.learning,
    review: a.review + b.review,
    relearning: a.relearning + b.relearning,
    suspended: a.suspended + b.suspended,
  };
}
