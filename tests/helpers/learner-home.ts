// A home shaped like a real learner's, for `npm run bench`: 8 imported articles of 1,365 notes
// (21,840 cards) and two days of review sessions run through the real queue, reducer, scheduler and
// store, so the journal holds what sessions write: learning steps, lapses and relearning, undos,
// suspensions and burials. Seeded: the same home on every run.
import type { Deck } from '../../src/core/deck/note.js';
import type { CardState, Grade } from '../../src/core/srs/card-state.js';
import { dayStart } from '../../src/core/srs/day.js';
import { buildQueue, cardsOfDeck, type QueueOptions } from '../../src/core/srs/queue.js';
import { makeScheduler } from '../../src/core/srs/scheduler.js';
import { startSession, step, type SessionEvent, type SessionState } from '../../src/core/srs/session.js';
import { writeDeck } from '../../src/store/deck-files.js';
import { layout } from '../../src/store/home.js';
import { Store } from '../../src/store/store.js';
import { learnerDeck, seededRandom } from './learner-decks.js';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

/** Grade shares (Again, Hard, Good, Easy) by the card's state before the grade. */
const GRADES_NEW = [0.16, 0.1, 0.6, 0.14];
const GRADES_LEARNING = [0.1, 0.1, 0.75, 0.05];
const GRADES_REVIEW = [0.12, 0.12, 0.69, 0.07];

/** A learner's habits, drawn from one seeded generator. */
class Learner {
  readonly #random: () => number;

  constructor(seed: number) {
    this.#random = seededRandom(seed);
  }

  chance(p: number): boolean {
    return this.#random() < p;
  }

  /** Seconds looking at the prompt: mostly a few, now and then a long think. */
  thinkMs(): number {
    return (2 + 8 * this.#random() ** 3) * SECOND;
  }

  /** Seconds reading the answer before a grade key. */
  readMs(): number {
    return (1 + 2 * this.#random()) * SECOND;
  }

  grade(before: CardState | null): Grade {
    const shares = !before || before.state === 0 ? GRADES_NEW : before.state === 2 ? GRADES_REVIEW : GRADES_LEARNING;
    let roll = this.#random();
    for (let i = 0; i < 3; i++) {
      roll -= shares[i]!;
      if (roll < 0) return (i + 1) as Grade;
    }
    return 4;
  }

  /** Journal entry ids shaped like the random UUIDs parley writes, but repeatable. */
  readonly idGen = (): string => {
    const hex = (n: number) => Array.from({ length: n }, () => Math.floor(this.#random() * 16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  };
}

/** One `parley review` session: returns when nothing is left to show or the learner stops. */
function session(store: Store, learner: Learner, decks: readonly Deck[], options: QueueOptions, start: Date, stopAfter = Infinity): Date {
  const settings = store.settings.all();
  const cards = decks.map((d) => cardsOfDeck(d, store.states(d.slug)));
  const queue = buildQueue(cards, store.journal(), settings, options, start);
  const config = { scheduler: makeScheduler(settings), idGen: learner.idGen, dayStartsAt: settings.dayStartsAt, typeAnswers: false };
  let now = start;
  let state: SessionState = startSession(queue, config, { pinyin: settings.showPinyin }, now);
  // As the review command does: every entry is durable before the next event.
  const dispatch = (event: SessionEvent, after: number) => {
    now = new Date(now.getTime() + after);
    const result = step(state, event, now);
    state = result.state;
    for (const effect of result.effects) {
      if (effect.type === 'append' && !store.commit(effect.entries).ok) throw new Error('a lone session was refused a commit');
    }
  };
  for (let graded = 0; state.showing && graded < stopAfter;) {
    if (learner.chance(0.002)) dispatch({ type: 'suspend' }, learner.thinkMs());
    else if (learner.chance(0.003)) dispatch({ type: 'bury' }, learner.thinkMs());
    else {
      const before = state.showing.card.state;
      dispatch({ type: 'show-answer' }, learner.thinkMs());
      dispatch({ type: 'grade', grade: learner.grade(before) }, learner.readMs());
      graded++;
      // A slip of the finger, taken back: the card is on screen again and graded anew.
      if (learner.chance(0.008)) dispatch({ type: 'undo' }, 2 * SECOND);
    }
  }
  return now;
}

export interface LearnerHomeShape {
  decks: number;
  cards: number;
  entries: Record<string, number>;
  /** Stored card states by ts-fsrs state: 0 new … 3 relearning, and the suspended ones. */
  states: Record<string, number>;
}

/**
 * The home a learner has on the morning of `now` after importing 8 articles two days before: day 1
 * a long sitting, a session per article with many new cards (the last cut short, leaving cards in
 * their learning steps); day 2 one evening session of all decks, the due reviews and more new
 * cards, stopped part-way. Default settings; only the new-card count is raised, as `--new` does.
 */
export async function makeLearnerHome(root: string, now: Date): Promise<LearnerHomeShape> {
  const store = new Store(root);
  const decks = Array.from({ length: 8 }, (_, i) => learnerDeck(i));
  for (const deck of decks) {
    writeDeck(layout(root), deck);
    store.wrote(deck);
  }
  const learner = new Learner(12);
  const today = dayStart(now, store.settings.all().dayStartsAt).getTime();
  let at = new Date(today - 2 * DAY + 5 * HOUR);
  for (const [i, deck] of decks.entries()) {
    at = session(store, learner, [deck], { direction: 'both', newLimit: 110 }, at, i === decks.length - 1 ? 150 : Infinity);
    at = new Date(at.getTime() + 90 * SECOND);
  }
  session(store, learner, decks, { direction: 'both', newLimit: 280 }, new Date(today - DAY + 15 * HOUR), 830);
  const entries: Record<string, number> = {};
  for (const entry of store.journal()) entries[entry.type] = (entries[entry.type] ?? 0) + 1;
  const states: Record<string, number> = {};
  for (const deck of decks) {
    for (const state of store.states(deck.slug).values()) {
      const key = state.suspended ? 'suspended' : String(state.state);
      states[key] = (states[key] ?? 0) + 1;
    }
  }
  // As the last session's parley left it: the state file up to date with the journal.
  await store.save(true);
  return { decks: decks.length, cards: decks.reduce((n, d) => n + 2 * d.notes.length, 0), entries, states };
}
