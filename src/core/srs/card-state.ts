/**
 * A card's scheduling state as stored: ts-fsrs's Card with dates as ISO strings so it survives JSON,
 * plus parley's own flags. A card with no stored state is new.
 */
export interface CardState {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: 0 | 1 | 2 | 3;
  last_review?: string;
  suspended?: boolean;
  /** Buried until this instant (the start of the next learning day). */
  buriedUntil?: string;
  tags?: string[];
}

/** 1 Again, 2 Hard, 3 Good, 4 Easy — ts-fsrs's Rating values. */
export type Grade = 1 | 2 | 3 | 4;

interface EntryBase {
  /** Unique per entry, so replaying the journal twice applies each entry once. */
  id: string;
  /** ISO instant the entry was made. */
  at: string;
  /** Deck slug. */
  deck: string;
  cardId: string;
}

/**
 * One line of the review journal: the durable truth. Each entry carries the state it leaves the
 * card in, so replay needs no scheduler and undo needs no recomputation.
 */
export type JournalEntry =
  | (EntryBase & {
      type: 'review';
      rating: Grade;
      durationMs: number;
      before: CardState | null;
      after: CardState;
      cram?: boolean;
    })
  | (EntryBase & { type: 'undo'; target: string; before: CardState | null; restored: CardState | null })
  | (EntryBase & { type: 'suspend' | 'unsuspend' | 'bury'; before: CardState | null; after: CardState })
  /** A deck renamed: the card's state carried over from the deck it was in (`from`, a slug). */
  | (EntryBase & { type: 'move'; from: string; before: CardState | null; after: CardState });
