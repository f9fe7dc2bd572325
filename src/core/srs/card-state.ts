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

/** A card's FSRS phase as ts-fsrs numbers it; `undefined` stands for a card with no stored state. */
type Phase = CardState['state'] | undefined;

/**
 * The one reading of the phase numbers. Counts, filters and queues all go through these, so a
 * relearning card (a review card that lapsed and is back on its minute steps) counts as learning
 * everywhere: it is studied like one, due by the minute, not by the day.
 */
export const isNew = (phase: Phase): boolean => phase === undefined || phase === 0;
/** Learning or relearning: on minute steps. */
export const isLearning = (phase: Phase): boolean => phase === 1 || phase === 3;
/** Back on its steps after a lapse; a kind of learning. */
export const isRelearning = (phase: Phase): boolean => phase === 3;
/** Graduated: due by the day. */
export const isReview = (phase: Phase): boolean => phase === 2;

/** 1 Again, 2 Hard, 3 Good, 4 Easy — ts-fsrs's Rating values. */
export type Grade = 1 | 2 | 3 | 4;

interface EntryBase {
  /** Unique per entry, so replaying the journal twice applies each entry once. */
  id: string;
  /** ISO instant the entry was made. */
  at: string;
  /** Deck slug. */
  deck: string;
  /**
   * The latest time among other devices' lines this device had replayed when it made this one, when
   * its own clock was not past it: the replay order puts this line after those (see replay.ts).
   */
  follows?: string;
}

interface CardEntryBase extends EntryBase {
  cardId: string;
}

/**
 * One line of the review journal about one card. Each entry carries the state it leaves the card
 * in, so replay needs no scheduler and undo needs no recomputation.
 */
export type CardEntry =
  | (CardEntryBase & {
      type: 'review';
      rating: Grade;
      durationMs: number;
      before: CardState | null;
      after: CardState;
      cram?: boolean;
    })
  | (CardEntryBase & { type: 'undo'; target: string; before: CardState | null; restored: CardState | null })
  | (CardEntryBase & { type: 'suspend' | 'unsuspend' | 'bury'; before: CardState | null; after: CardState })
  /** A card's state carried over by a rename, one line a card (journals written before `rename`). */
  | (CardEntryBase & { type: 'move'; from: string; before: CardState | null; after: CardState });

/**
 * A deck renamed from `from` to `deck`, with every stored card state it carries, in one line: the
 * line is whole or absent, so a rename is never half in the journal.
 */
export type RenameEntry = EntryBase & { type: 'rename'; from: string; cards: Record<string, CardState> };

/** One line of the review journal: the durable truth. */
export type JournalEntry = CardEntry | RenameEntry;
