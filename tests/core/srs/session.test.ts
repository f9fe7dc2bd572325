import { describe, expect, test } from 'vitest';
import type { CardState, JournalEntry } from '../../../src/core/srs/card-state.js';
import { buildQueue, type DeckCards } from '../../../src/core/srs/queue.js';
import { applyEntry } from '../../helpers/recorded-state.js';
import { makeScheduler } from '../../../src/core/srs/scheduler.js';
import { remaining, startSession, step, summarise, type Effect, type SessionEvent, type SessionState } from '../../../src/core/srs/session.js';
import { counter, deck, id, reviewState, sentence, settings, vocab } from './fixtures.js';

const scheduler = makeScheduler(settings);
const notes = [1, 2, 3].map((n) => sentence(`s${n}`, `句子${n}。`, `Sentence ${n}.`, n));
const t0 = new Date('2025-05-10T10:00:00Z');
const plus = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function start(decks: DeckCards[], journal: JournalEntry[] = [], options: { typeAnswers?: boolean; newLimit?: number } = {}, now = t0) {
  const queue = buildQueue(decks, journal, settings, { direction: 'zh-en', ...(options.newLimit ? { newLimit: options.newLimit } : {}) }, now);
  return startSession(queue, { scheduler, idGen: counter(), dayStartsAt: 4, typeAnswers: options.typeAnswers ?? false }, { pinyin: false }, now);
}

/** Runs events at given seconds after t0, collecting effects like the command glue would. */
function run(state: SessionState, events: Array<[SessionEvent, number]>) {
  const effects: Effect[] = [];
  for (const [event, at] of events) {
    const result = step(state, event, plus(at));
    state = result.state;
    effects.push(...result.effects);
  }
  const entries = effects.flatMap((e) => (e.type === 'append' ? e.entries : []));
  const notices = effects.flatMap((e) => (e.type === 'notice' ? [e.text] : []));
  return { state, entries, notices };
}

const reveal: SessionEvent = { type: 'show-answer' };
const good: SessionEvent = { type: 'grade', grade: 3 };
const again: SessionEvent = { type: 'grade', grade: 1 };

describe('grading', () => {
  test('a grade given long after the reveal counts its interval from the key press', () => {
    const { entries } = run(start([deck(notes)]), [[reveal, 5], [again, 5 + 30 * 60]]);
    const after = entries[0]!.type === 'review' ? entries[0]!.after : undefined;
    expect(after?.last_review).toBe(plus(5 + 30 * 60).toISOString());
    // Again on a new card: one minute after the grade, as the key said, not after the reveal.
    expect(Date.parse(after!.due) - plus(5 + 30 * 60).getTime()).toBe(60_000);
  });

  test('a new card graded Good is journalled and comes back after its 10 minute step', () => {
    const { state, entries } = run(start([deck(notes)]), [[reveal, 5], [good, 8]]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ type: 'review', cardId: 's1:zh-en', rating: 3, durationMs: 8000, before: null, at: plus(8).toISOString() });
    expect(state.showing?.card.cardId).toBe('s2:zh-en');
    expect(state.queue.learning.map((c) => c.cardId)).toEqual(['s1:zh-en']);
    expect(remaining(state)).toEqual({ fresh: 2, learning: 1, review: 0 });
  });

  test('the committed state is the one the grade key previewed, its times counted from the key press', () => {
    const revealed = run(start([deck(notes)]), [[reveal, 5]]).state;
    const previewed = revealed.showing!.preview![4].state;
    const { entries } = run(revealed, [[{ type: 'grade', grade: 4 }, 30]]);
    const due = new Date(Date.parse(previewed.due) + 25_000).toISOString();
    expect(entries[0]).toMatchObject({ after: { ...previewed, due, last_review: plus(30).toISOString() } });
  });

  test('a grade before the answer is revealed does nothing', () => {
    const s = start([deck(notes)]);
    const { state, entries } = run(s, [[good, 1]]);
    expect(entries).toEqual([]);
    expect(state.showing?.card.cardId).toBe('s1:zh-en');
  });

  test('the session ends when nothing is left, learning cards included', () => {
    const { state, entries } = run(start([deck(notes.slice(0, 1))]), [
      [reveal, 1], [good, 2], // 10m step, shown early since nothing else is left
      [reveal, 3], [good, 4], // graduates
    ]);
    expect(entries.map((e) => e.type === 'review' && e.after.state)).toEqual([1, 2]);
    expect(state.finished).toBe(true);
    expect(summarise(state)).toEqual({ done: 2, again: 0, againRate: 0, elapsedMs: 4000, learningLater: 0 });
  });

  test('quit keeps what was graded and writes nothing more', () => {
    const { state, entries } = run(start([deck(notes)]), [[reveal, 1], [good, 2], [reveal, 3], [{ type: 'quit' }, 4], [good, 5]]);
    expect(entries).toHaveLength(1);
    expect(state.quit).toBe(true);
  });

  test('pinyin toggles', () => {
    const { state } = run(start([deck(notes)]), [[{ type: 'toggle-pinyin' }, 1]]);
    expect(state.pinyin).toBe(true);
  });

  test('a cram card is journalled as cram', () => {
    const d = deck(notes.slice(0, 1), { [id('s1', 'zh-en')]: reviewState('2025-05-12T08:00:00Z') });
    const queue = buildQueue([d], [], settings, { direction: 'zh-en', aheadDays: 3 }, t0);
    const s = startSession(queue, { scheduler, idGen: counter(), dayStartsAt: 4, typeAnswers: false }, { pinyin: false }, t0);
    expect(run(s, [[reveal, 1], [good, 2]]).entries[0]).toMatchObject({ cram: true });
  });
});

describe('limits across two sessions in one day', () => {
  test('the second session introduces only what is left of newPerDay', () => {
    const notes8 = Array.from({ length: 8 }, (_, n) => sentence(`n${n}`, `第${n}句。`, `Line ${n}.`, n));
    const limited = { ...settings, newPerDay: 3 };
    const first = startSession(buildQueue([deck(notes8)], [], limited, { direction: 'zh-en' }, t0), { scheduler, idGen: counter('a'), dayStartsAt: 4, typeAnswers: false }, { pinyin: false }, t0);
    const one = run(first, [[reveal, 1], [{ type: 'grade', grade: 4 }, 2], [reveal, 3], [{ type: 'grade', grade: 4 }, 4], [{ type: 'quit' }, 5]]);
    const states = new Map<string, CardState>();
    for (const e of one.entries) applyEntry(states, e);
    const later = plus(3600);
    const second = buildQueue([{ ...deck(notes8), states }], one.entries, limited, { direction: 'zh-en' }, later);
    expect(second.fresh.map((c) => c.cardId)).toEqual(['n2:zh-en']);
    const tomorrow = buildQueue([{ ...deck(notes8), states }], one.entries, limited, { direction: 'zh-en' }, new Date('2025-05-11T04:00:00Z'));
    expect(tomorrow.fresh).toHaveLength(3);
  });
});

describe('undo', () => {
  test('brings back the previous card exactly, and journals an undo that restores its state', () => {
    const s0 = run(start([deck(notes)]), [[reveal, 1]]).state;
    const { state, entries } = run(s0, [[good, 2], [{ type: 'undo' }, 3]]);
    const [review, undo] = entries;
    expect(undo).toMatchObject({ type: 'undo', target: review!.id, cardId: 's1:zh-en', restored: null });
    expect(undo?.type === 'undo' && undo.before).toEqual(review?.type === 'review' && review.after);
    expect(state.showing?.card).toEqual(s0.showing?.card);
    expect(state.showing?.revealed).toBe(false);
    expect(state.queue).toEqual(s0.queue);
    expect(state.tally).toEqual({ done: 0, again: 0 });
    const replayed = new Map<string, CardState>();
    for (const e of entries) applyEntry(replayed, e);
    expect(replayed.size).toBe(0);
  });

  test('undoes several actions in turn, then says there is nothing left', () => {
    const { state, entries, notices } = run(start([deck(notes)]), [
      [reveal, 1], [good, 2], [{ type: 'bury' }, 3], [{ type: 'undo' }, 4], [{ type: 'undo' }, 5], [{ type: 'undo' }, 6],
    ]);
    expect(entries.map((e) => e.type)).toEqual(['review', 'bury', 'undo', 'undo']);
    expect(state.showing?.card.cardId).toBe('s1:zh-en');
    expect(state.notice).toBe('Nothing to undo in this session.');
    expect(notices).toEqual([]);
  });
});

describe('suspend and bury', () => {
  test('suspend a new card: it gets a state that says so', () => {
    const { entries, state } = run(start([deck(notes)]), [[{ type: 'suspend' }, 1]]);
    expect(entries[0]).toMatchObject({ type: 'suspend', cardId: 's1:zh-en', before: null, after: { suspended: true, state: 0 } });
    expect(state.showing?.card.cardId).toBe('s2:zh-en');
  });

  test('bury until the next learning day starts', () => {
    const d = deck(notes.slice(0, 1), { [id('s1', 'zh-en')]: reviewState('2025-05-09T08:00:00Z') });
    const { entries, state } = run(start([d]), [[{ type: 'bury' }, 1]]);
    expect(entries[0]).toMatchObject({ type: 'bury', after: { buriedUntil: '2025-05-11T04:00:00.000Z', due: '2025-05-09T08:00:00Z' } });
    expect(state.finished).toBe(true);
  });
});

describe('leech', () => {
  const lapsing = reviewState('2025-05-09T08:00:00Z', { lapses: 7, stability: 2 });

  test('at 8 lapses the card is tagged, suspended, and the user told once', () => {
    const d = deck(notes.slice(0, 2), { [id('s1', 'zh-en')]: lapsing });
    const { entries, notices, state } = run(start([d]), [[reveal, 1], [again, 2]]);
    expect(entries[0]).toMatchObject({ type: 'review', after: { lapses: 8, suspended: true, tags: ['leech'] } });
    expect(notices).toHaveLength(1);
    expect(state.notice).toMatch(/Leech/);
    expect(state.queue.learning).toEqual([]);
  });

  test('a card already tagged (the user unsuspended it) is not suspended again', () => {
    const d = deck(notes.slice(0, 1), { [id('s1', 'zh-en')]: { ...lapsing, lapses: 8, tags: ['leech'] } });
    const { entries, notices } = run(start([d]), [[reveal, 1], [again, 2]]);
    expect(entries[0]).toMatchObject({ after: { lapses: 9, tags: ['leech'] } });
    expect(entries[0]!.type === 'review' && entries[0]!.after.suspended).toBeFalsy();
    expect(notices).toEqual([]);
  });

  test('undo takes the leech back too, even after the last card of the session', () => {
    const d = deck(notes.slice(0, 1), { [id('s1', 'zh-en')]: lapsing });
    const graded = run(start([d]), [[reveal, 1], [again, 2]]);
    expect(graded.state.finished).toBe(true);
    const { entries, state } = run(graded.state, [[{ type: 'undo' }, 3]]);
    expect(entries[0]).toMatchObject({ type: 'undo', restored: lapsing });
    expect(state).toMatchObject({ finished: false, showing: { card: { state: lapsing } } });
  });
});

describe('--type', () => {
  const typed = (text: string): SessionEvent => ({ type: 'typed-answer', text });

  test('a typed answer reveals with a suggestion; enter takes it', () => {
    const s = start([deck(notes)], [], { typeAnswers: true });
    const shown = run(s, [[typed('sentence 1'), 4]]).state;
    expect(shown.showing).toMatchObject({ revealed: true, check: { suggested: 3 } });
    expect(run(shown, [[reveal, 5]]).entries[0]).toMatchObject({ rating: 3 });
  });

  test('a number key overrides the suggestion', () => {
    const s = start([deck(notes)], [], { typeAnswers: true });
    const { entries } = run(s, [[typed('sentense 1'), 4], [again, 5]]);
    expect(entries[0]).toMatchObject({ rating: 1 });
  });

  test('a vocabulary card accepts one of its glosses', () => {
    const v = vocab('v1', '令人不安的、令人困惑的', 'disconcerting', 1);
    const queue = buildQueue([deck([v])], [], settings, { direction: 'en-zh' }, t0);
    const s = startSession(queue, { scheduler, idGen: counter(), dayStartsAt: 4, typeAnswers: true }, { pinyin: false }, t0);
    expect(run(s, [[typed('令人困惑的'), 1]]).state.showing?.check?.suggested).toBe(3);
  });
});

describe('another session changed the card (rebase)', () => {
  test('a refused grade on a card reviewed elsewhere drops it and tells the user', () => {
    const { state, entries } = run(start([deck(notes)]), [[reveal, 1], [good, 2]]);
    const elsewhere = reviewState('2025-05-20T08:00:00Z');
    const { state: after, notices } = run(state, [[{ type: 'rebase', refused: entries[0]!, stored: elsewhere }, 3]]);
    expect(notices).toHaveLength(1);
    expect(after.tally.done).toBe(0);
    expect(after.showing?.card.cardId).toBe('s2:zh-en');
    expect([...after.queue.learning, ...after.queue.fresh].map((c) => c.cardId)).not.toContain('s1:zh-en');
  });

  test('a refused grade on a card still due shows it again with the stored state and new labels', () => {
    const d = deck(notes.slice(0, 2), { [id('s1', 'zh-en')]: reviewState('2025-05-09T08:00:00Z') });
    const { state, entries } = run(start([d]), [[reveal, 1], [good, 2]]);
    const stored = reviewState('2025-05-10T08:00:00Z', { stability: 3 });
    const { state: after } = run(state, [[{ type: 'rebase', refused: entries[0]!, stored }, 3], [reveal, 4]]);
    expect(after.showing?.card).toMatchObject({ cardId: 's1:zh-en', state: stored });
    expect(after.showing?.preview?.[3].state.reps).toBe(stored.reps + 1);
  });
});

describe('speech', () => {
  const speak: SessionEvent = { type: 'speak' };
  const spoken = (state: SessionState) => step(state, speak, plus(3)).effects.flatMap((e) => (e.type === 'speak' ? [e.parts] : []));

  test('v says the prompt in its language, and once the answer shows the answer after it', () => {
    const fresh = start([deck(notes)]);
    expect(spoken(fresh)).toEqual([[{ text: '句子1。', lang: 'zh' }]]);
    expect(spoken(run(fresh, [[reveal, 1]]).state)).toEqual([[{ text: '句子1。', lang: 'zh' }, { text: 'Sentence 1.', lang: 'en' }]]);
  });

  test('an en→zh card starts with its English', () => {
    const queue = buildQueue([deck(notes)], [], settings, { direction: 'en-zh' }, t0);
    const state = startSession(queue, { scheduler, idGen: counter(), dayStartsAt: 4, typeAnswers: false }, { pinyin: false }, t0);
    const revealed = run(state, [[reveal, 1]]).state;
    expect(spoken(revealed)).toEqual([[{ text: 'Sentence 1.', lang: 'en' }, { text: '句子1。', lang: 'zh' }]]);
  });

  test('speaking changes nothing of the session, and with no card says nothing', () => {
    const fresh = start([deck(notes)]);
    const { state, effects } = step(fresh, speak, plus(3));
    expect({ ...state, lastEventAt: fresh.lastEventAt }).toEqual(fresh);
    expect(effects.every((e) => e.type === 'speak')).toBe(true);
    const done = run(start([deck(notes.slice(0, 1))]), [[{ type: 'suspend' }, 1]]).state;
    expect(done.finished).toBe(true);
    expect(spoken(done)).toEqual([]);
  });
});
