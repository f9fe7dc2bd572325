import { describe, expect, test } from 'vitest';
import type { JournalEntry } from '../../../src/core/srs/card-state.js';
import { buildQueue, countDueTomorrow, pickNext, studiedToday, type Queue } from '../../../src/core/srs/queue.js';
import { deck, id, learningState, reviewState, sentence, settings, vocab } from './fixtures.js';

const now = new Date('2025-05-10T10:00:00Z');
const ids = (queue: Queue) => ({
  learning: queue.learning.map((c) => c.cardId),
  review: queue.review.map((c) => c.cardId),
  fresh: queue.fresh.map((c) => c.cardId),
});

const notes = [1, 2, 3, 4, 5, 6].map((n) => sentence(`s${n}`, `句子${n}。`, `Sentence ${n}.`, n));

function graded(n: number, at: string, before: 'new' | 'review', extra: Partial<JournalEntry> = {}): JournalEntry {
  const state = before === 'new' ? null : reviewState('2025-05-09T00:00:00Z');
  return {
    id: `j${n}`, at, deck: 'demo', cardId: id(`old${n}`, 'zh-en'), type: 'review', rating: 3, durationMs: 1000,
    before: state, after: reviewState('2025-05-20T00:00:00Z'), ...extra,
  } as JournalEntry;
}

describe('order', () => {
  test('learning, then reviews most overdue first, then new cards in article order', () => {
    const d = deck([...notes].reverse(), {
      [id('s1', 'zh-en')]: reviewState('2025-05-10T08:00:00Z'),
      [id('s2', 'zh-en')]: reviewState('2025-05-01T08:00:00Z'),
      [id('s3', 'en-zh')]: learningState('2025-05-10T09:58:00Z'),
      [id('s4', 'zh-en')]: reviewState('2025-05-11T03:00:00Z'),
      [id('s5', 'zh-en')]: reviewState('2025-05-11T04:00:00Z'),
    });
    const q = buildQueue([d], [], settings, { direction: 'both' }, now);
    expect(ids(q)).toEqual({
      learning: ['s3:en-zh'],
      review: ['s2:zh-en', 's1:zh-en', 's4:zh-en'],
      // s5's zh-en card is due tomorrow, so its en-zh card may be introduced today.
      fresh: ['s5:en-zh', 's6:zh-en'],
    });
  });

  test('direction zh-en leaves en-zh cards alone', () => {
    const q = buildQueue([deck(notes)], [], settings, { direction: 'en-zh', newLimit: 3 }, now);
    expect(ids(q).fresh).toEqual(['s1:en-zh', 's2:en-zh', 's3:en-zh']);
  });

  test('suspended and buried cards are skipped; a burial ends with its day', () => {
    const d = deck(notes.slice(0, 3), {
      [id('s1', 'zh-en')]: reviewState('2025-05-09T08:00:00Z', { suspended: true }),
      [id('s2', 'zh-en')]: reviewState('2025-05-09T08:00:00Z', { buriedUntil: '2025-05-11T04:00:00Z' }),
      [id('s3', 'zh-en')]: reviewState('2025-05-09T08:00:00Z', { buriedUntil: '2025-05-10T04:00:00Z' }),
    });
    const q = buildQueue([d], [], settings, { direction: 'zh-en' }, now);
    expect(ids(q).review).toEqual(['s3:zh-en']);
  });

  test('--ahead adds reviews due in the next days, marked cram, after the due ones', () => {
    const d = deck(notes.slice(0, 3), {
      [id('s1', 'zh-en')]: reviewState('2025-05-13T08:00:00Z'),
      [id('s2', 'zh-en')]: reviewState('2025-05-12T08:00:00Z'),
      [id('s3', 'zh-en')]: reviewState('2025-05-10T08:00:00Z'),
    });
    const q = buildQueue([d], [], settings, { direction: 'zh-en', aheadDays: 2 }, now);
    expect(q.review.map((c) => [c.cardId, c.cram])).toEqual([['s3:zh-en', false], ['s2:zh-en', true]]);
  });
});

describe('daily limits across sessions', () => {
  test('new cards introduced earlier today count against newPerDay', () => {
    const journal = [graded(1, '2025-05-10T05:00:00Z', 'new'), graded(2, '2025-05-10T06:00:00Z', 'new')];
    const q = buildQueue([deck(notes)], journal, { ...settings, newPerDay: 3 }, { direction: 'zh-en' }, now);
    expect(ids(q).fresh).toEqual(['s1:zh-en']);
  });

  test('a grade before 4 am belongs to yesterday', () => {
    const journal = [graded(1, '2025-05-10T03:59:59Z', 'new'), graded(2, '2025-05-10T04:00:00Z', 'new')];
    expect(studiedToday(journal, now, 4).newIntroduced).toBe(1);
    expect(studiedToday(journal, new Date('2025-05-10T03:59:59Z'), 4).newIntroduced).toBe(1);
    expect(studiedToday(journal, new Date('2025-05-11T04:00:00Z'), 4).newIntroduced).toBe(0);
  });

  test('an undone grade does not count', () => {
    const journal: JournalEntry[] = [
      graded(1, '2025-05-10T05:00:00Z', 'new'),
      { id: 'u1', at: '2025-05-10T05:01:00Z', deck: 'demo', cardId: id('old1', 'zh-en'), type: 'undo', target: 'j1', before: reviewState('2025-05-20T00:00:00Z'), restored: null },
    ];
    expect(studiedToday(journal, now, 4)).toMatchObject({ newIntroduced: 0, reviewsDone: 0 });
  });

  test('reviews done earlier today count against reviewsPerDay; learning steps do not', () => {
    const states = Object.fromEntries(notes.map((n) => [id(n.id, 'zh-en'), reviewState('2025-05-09T08:00:00Z')]));
    const journal = [
      graded(1, '2025-05-10T05:00:00Z', 'review'),
      graded(2, '2025-05-10T05:01:00Z', 'review', { before: learningState('2025-05-10T05:00:00Z') }),
    ];
    const q = buildQueue([deck(notes, states)], journal, { ...settings, reviewsPerDay: 3 }, { direction: 'zh-en' }, now);
    expect(q.review).toHaveLength(2);
  });

  test('--new and --limit set this session explicitly', () => {
    const journal = [graded(1, '2025-05-10T05:00:00Z', 'new')];
    const q = buildQueue([deck(notes)], journal, { ...settings, newPerDay: 1 }, { direction: 'zh-en', newLimit: 2 }, now);
    expect(ids(q).fresh).toEqual(['s1:zh-en', 's2:zh-en']);
  });
});

describe('siblings', () => {
  test('of two due directions only the more overdue is shown; the other is not counted against the limit', () => {
    const d = deck(notes.slice(0, 2), {
      [id('s1', 'zh-en')]: reviewState('2025-05-09T08:00:00Z'),
      [id('s1', 'en-zh')]: reviewState('2025-05-08T08:00:00Z'),
      [id('s2', 'zh-en')]: reviewState('2025-05-09T09:00:00Z'),
    });
    const q = buildQueue([d], [], { ...settings, reviewsPerDay: 2 }, { direction: 'both' }, now);
    expect(ids(q).review).toEqual(['s1:en-zh', 's2:zh-en']);
  });

  test('a new card waits when its other direction was studied today, or is learning', () => {
    const journal = [graded(1, '2025-05-10T05:00:00Z', 'new', { cardId: id('s1', 'zh-en') })];
    const d = deck(notes.slice(0, 3), {
      [id('s1', 'zh-en')]: reviewState('2025-05-20T08:00:00Z'),
      [id('s2', 'zh-en')]: learningState('2025-05-10T10:05:00Z'),
    });
    const q = buildQueue([d], journal, settings, { direction: 'both' }, now);
    expect(ids(q)).toEqual({ learning: ['s2:zh-en'], review: [], fresh: ['s3:zh-en'] });
  });

  const s1 = sentence('s1', '这令人不安。', 'It was disconcerting.', 1);
  const s2 = sentence('s2', '二轨对话开始了。', 'The Track II dialogue began.', 2);
  const s3 = sentence('s3', '他们很高兴。', 'They were glad.', 3);
  const byContext = vocab('v1', '令人不安的', 'disconcerting', 4, { context: { zh: s1.zh, en: s1.en } });
  const byTerm = vocab('v2', '二轨对话', 'Track II dialogue', 5, { lang: 'zh' });

  test('new vocabulary listed after its sentences is introduced just before the first of them', () => {
    const q = buildQueue([deck([s1, s2, s3, byContext, byTerm])], [], settings, { direction: 'zh-en' }, now);
    expect(ids(q).fresh).toEqual(['v1:zh-en', 's1:zh-en', 'v2:zh-en', 's2:zh-en', 's3:zh-en']);
  });

  test('vocabulary listed before its sentence shares its day, first', () => {
    const q = buildQueue([deck([byContext, byTerm, s1, s2, s3].map((n, i) => ({ ...n, order: i })))], [], settings, { direction: 'zh-en' }, now);
    expect(ids(q).fresh).toEqual(['v1:zh-en', 'v2:zh-en', 's1:zh-en', 's2:zh-en', 's3:zh-en']);
  });

  test('vocabulary pulled forward takes a new slot; when none is left for its sentence, the sentence waits', () => {
    const d = deck([s1, s2, s3, byContext, byTerm]);
    expect(ids(buildQueue([d], [], settings, { direction: 'zh-en', newLimit: 3 }, now)).fresh).toEqual(['v1:zh-en', 's1:zh-en', 'v2:zh-en']);
    expect(ids(buildQueue([d], [], settings, { direction: 'zh-en', newLimit: 1 }, now)).fresh).toEqual(['v1:zh-en']);
  });

  test('vocabulary studied in one direction comes first again in the other', () => {
    const d = deck([s1, s2, byTerm], { [id('v2', 'zh-en')]: reviewState('2025-05-20T08:00:00Z') });
    expect(ids(buildQueue([d], [], settings, { direction: 'both' }, now)).fresh).toEqual(['s1:zh-en', 'v2:en-zh', 's2:zh-en']);
  });

  test('vocabulary with no new card left does not hold its sentence back', () => {
    const d = deck([s1, s2, byTerm], {
      [id('v2', 'zh-en')]: reviewState('2025-05-20T08:00:00Z'),
      [id('v2', 'en-zh')]: reviewState('2025-05-21T08:00:00Z'),
    });
    expect(ids(buildQueue([d], [], settings, { direction: 'both' }, now)).fresh).toEqual(['s1:zh-en', 's2:zh-en']);
  });

  test('a vocabulary card waits when a sentence using it was studied today, is learning or is due', () => {
    const journal = [graded(1, '2025-05-10T05:00:00Z', 'new', { cardId: id('s1', 'zh-en') })];
    const studied = deck([s1, byContext], { [id('s1', 'zh-en')]: reviewState('2025-05-20T08:00:00Z') });
    expect(ids(buildQueue([studied], journal, settings, { direction: 'both' }, now)).fresh).toEqual([]);
    const learning = deck([s1, byContext], { [id('s1', 'zh-en')]: learningState('2025-05-10T10:05:00Z') });
    expect(ids(buildQueue([learning], [], settings, { direction: 'zh-en' }, now))).toEqual({ learning: ['s1:zh-en'], review: [], fresh: [] });
    // Here the vocabulary cannot come first today, so the sentence's new direction does not wait for it.
    const due = deck([s1, byContext], { [id('s1', 'zh-en')]: reviewState('2025-05-09T08:00:00Z') });
    expect(ids(buildQueue([due], [], settings, { direction: 'both' }, now))).toEqual({ learning: [], review: ['s1:zh-en'], fresh: [] });
  });

  test('a sentence may follow its vocabulary when that is learning or due', () => {
    const learning = deck([s1, byContext], { [id('v1', 'zh-en')]: learningState('2025-05-10T10:05:00Z') });
    expect(ids(buildQueue([learning], [], settings, { direction: 'zh-en' }, now)).fresh).toEqual(['s1:zh-en']);
    const due = deck([s1, byContext], { [id('v1', 'en-zh')]: reviewState('2025-05-09T08:00:00Z') });
    expect(ids(buildQueue([due], [], settings, { direction: 'en-zh' }, now))).toEqual({ learning: [], review: ['v1:en-zh'], fresh: ['s1:en-zh'] });
  });

  test('suspended or buried vocabulary does not hold its sentence back', () => {
    const d = deck([s1, s2, byContext, byTerm], {
      [id('v1', 'zh-en')]: { ...reviewState('2025-05-09T08:00:00Z'), state: 0, suspended: true },
      [id('v2', 'zh-en')]: { ...reviewState('2025-05-09T08:00:00Z'), state: 0, buriedUntil: '2025-05-11T04:00:00Z' },
    });
    expect(ids(buildQueue([d], [], settings, { direction: 'zh-en' }, now)).fresh).toEqual(['s1:zh-en', 's2:zh-en']);
  });

  test('notes are told apart by deck as well as by id', () => {
    const other = deck(notes.slice(0, 1), {}, 'other');
    const q = buildQueue([deck(notes.slice(0, 1)), other], [], settings, { direction: 'zh-en' }, now);
    expect(q.fresh.map((c) => `${c.deck}/${c.cardId}`)).toEqual(['demo/s1:zh-en', 'other/s1:zh-en']);
  });

  test('an English term matches whole words only', () => {
    const s1 = sentence('s1', '他说了。', 'He said so.', 1);
    const ai = vocab('v1', '人工智能', 'AI', 2);
    const q = buildQueue([deck([s1, ai])], [], settings, { direction: 'zh-en' }, now);
    expect(ids(q).fresh).toEqual(['s1:zh-en', 'v1:zh-en']);
  });
});

describe('pickNext', () => {
  const d = deck(notes.slice(0, 3), {
    [id('s1', 'zh-en')]: learningState('2025-05-10T10:10:00Z'),
    [id('s2', 'zh-en')]: reviewState('2025-05-09T08:00:00Z'),
  });
  const q = buildQueue([d], [], settings, { direction: 'zh-en' }, now);

  test('a learning card not yet due waits behind reviews and new cards', () => {
    expect(pickNext(q, now)).toEqual({ list: 'review', index: 0 });
    expect(pickNext({ ...q, review: [] }, now)).toEqual({ list: 'fresh', index: 0 });
    expect(pickNext(q, new Date('2025-05-10T10:10:00Z'))).toEqual({ list: 'learning', index: 0 });
  });

  test('with nothing else left a learning card comes up to 20 minutes early, not more', () => {
    const onlyLearning = { ...q, review: [], fresh: [] };
    expect(pickNext(onlyLearning, now)).toEqual({ list: 'learning', index: 0 });
    expect(pickNext(onlyLearning, new Date('2025-05-10T09:49:00Z'))).toBeNull();
  });
});

test('countDueTomorrow counts what tomorrow\'s session will hold', () => {
  const d = deck(notes, {
    a: reviewState('2025-05-10T08:00:00Z'),
    b: reviewState('2025-05-12T03:00:00Z'),
    c: reviewState('2025-05-12T04:00:00Z'),
    e: reviewState('2025-05-11T08:00:00Z', { suspended: true }),
    f: learningState('2025-05-10T10:05:00Z'),
  });
  expect(countDueTomorrow([d], now, 4)).toBe(3);
});
