import { cardId, cardKinds, type CardSource, type Note } from '../deck/note.js';
import { isLearning, isNew, type CardState } from '../srs/card-state.js';

/**
 * Cards by FSRS state, counted as `parley decks` counts them: relearning is learning (see
 * card-state.ts), and a suspended card counts only as suspended.
 */
export interface StateCounts {
  new: number;
  learning: number;
  review: number;
  suspended: number;
}

export function emptyCounts(): StateCounts {
  return { new: 0, learning: 0, review: 0, suspended: 0 };
}

export function countByState(notes: readonly (Pick<Note, 'id'> & CardSource)[], states: ReadonlyMap<string, CardState>): StateCounts {
  const counts = emptyCounts();
  for (const note of notes) {
    for (const direction of cardKinds(note)) {
      const state = states.get(cardId(note.id, direction));
      if (state?.suspended) counts.suspended++;
      else if (isNew(state?.state)) counts.new++;
      else if (isLearning(state?.state)) counts.learning++;
      else counts.review++;
    }
  }
  return counts;
}

export function addCounts(a: StateCounts, b: StateCounts): StateCounts {
  return {
    new: a.new + b.new,
    learning: a.learning + b.learning,
    review: a.review + b.review,
    suspended: a.suspended + b.suspended,
  };
}
