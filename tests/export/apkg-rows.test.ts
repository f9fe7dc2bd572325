import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DECK_FORMAT, type Deck } from '../../src/core/deck/note.js';
import { apkgRows, fieldChecksum, fieldHtml } from '../../src/core/export/apkg.js';
import { APKG_FIELDS } from '../../src/core/export/apkg-notetype.js';
import { cardSchedule, revlogRows } from '../../src/core/export/apkg-schedule.js';
import type { CardState } from '../../src/core/srs/card-state.js';
import type { ReviewEntry } from '../../src/core/stats/reviews.js';

const DAY = 86_400_000;
const crt = new Date('2026-03-01T04:00:00Z');
const days = { crt, dayOf: (at: Date) => new Date(Math.floor((at.getTime() - crt.getTime()) / DAY) * DAY + crt.getTime()) };
const state = (over: Partial<CardState>): CardState => ({
  due: '2026-03-11T09:00:00Z', stability: 9.87654, difficulty: 5.4321, elapsed_days: 0, scheduled_days: 10,
  learning_steps: 0, reps: 3, lapses: 1, state: 2, last_review: '2026-03-01T09:00:00Z', ...over,
});

describe('fieldHtml', () => {
  it('escapes markup, keeps line breaks as <br> and drops what would split the fields', () => {
    expect(fieldHtml('a < b & c > d\r\nline two\x1fthree')).toBe('a &lt; b &amp; c &gt; d<br>line twothree');
  });

  it('checksums the text Anki sees, not the escaped HTML', () => {
    const sha1 = Number.parseInt(createHash('sha1').update('x<y z').digest('hex').slice(0, 8), 16);
    expect(fieldChecksum(fieldHtml('x<y\nz'))).toBe(sha1);
  });
});

describe('cardSchedule', () => {
  it('gives a review card its day number, interval and FSRS memory state', () => {
    const s = cardSchedule(state({}), 7, days, 0.85);
    expect(s).toMatchObject({ type: 2, queue: 2, due: 10, ivl: 10, reps: 3, lapses: 1, left: 0 });
    expect(JSON.parse(s.data)).toEqual({ s: 9.8765, d: 5.432, dr: 0.85, lrt: Date.parse('2026-03-01T09:00:00Z') / 1000 });
  });

  it('gives a learning card its due time in seconds and the steps left; a relearning one type 3', () => {
    expect(cardSchedule(state({ state: 1, learning_steps: 1, due: '2026-03-01T09:10:00Z' }), 7, days, 0.9))
      .toMatchObject({ type: 1, queue: 1, due: Date.parse('2026-03-01T09:10:00Z') / 1000, left: 1, ivl: 0 });
    expect(cardSchedule(state({ state: 3, scheduled_days: 0, due: '2026-03-01T09:10:00Z' }), 7, days, 0.9)).toMatchObject({ type: 3, queue: 1, left: 1 });
  });

  it('keeps a new card new at its position, and a suspended card in the suspended queue', () => {
    expect(cardSchedule(undefined, 7, days, 0.9)).toMatchObject({ type: 0, queue: 0, due: 7, data: '{}' });
    expect(cardSchedule(state({ state: 0, reps: 0, suspended: true }), 7, days, 0.9)).toMatchObject({ type: 0, queue: -1, due: 7 });
    expect(cardSchedule(state({ suspended: true }), 7, days, 0.9)).toMatchObject({ type: 2, queue: -1, due: 10 });
  });
});

describe('revlogRows', () => {
  const entry = (id: string, at: string, before: CardState | null, after: CardState): ReviewEntry =>
    ({ type: 'review', id, at, deck: 'd', cardId: `c:${id}`, rating: 3, durationMs: 2500.4, before, after });

  it('keys each grade by its time, moved on a millisecond where two meet, and skips cards of other decks', () => {
    const at = '2026-03-01T09:00:00.000Z';
    const after = state({ state: 1, scheduled_days: 0, due: '2026-03-01T09:10:00.000Z', difficulty: 10 });
    const rows = revlogRows([entry('a', at, null, after), entry('b', at, null, after), entry('z', at, null, after)], (id) => (id === 'c:z' ? undefined : 42));
    expect(rows.map((r) => r.id)).toEqual([Date.parse(at), Date.parse(at) + 1]);
    expect(rows[0]).toMatchObject({ cid: 42, ease: 3, ivl: -600, lastIvl: 0, factor: 1100, time: 2500, type: 0 });
  });

  it('logs a review of a review card as a review, with both intervals in days', () => {
    const before = state({});
    const after = state({ scheduled_days: 25, due: '2026-04-05T09:00:00Z', last_review: '2026-03-11T09:00:00Z', difficulty: 1 });
    const [row] = revlogRows([entry('a', '2026-03-11T09:00:00Z', before, after)], () => 1);
    expect(row).toMatchObject({ ivl: 25, lastIvl: 10, factor: 100, type: 1 });
  });
});

describe('apkgRows with a cloze card', () => {
  it('gives a note with a cloze a third card, ordinal 2, and fills its cloze fields; a note without one keeps two', () => {
    const context = { zh: '风把<小船>吹向了岸边。', en: 'The wind pushed the <boat> to the shore.' };
    const deck: Deck = {
      format: DECK_FORMAT, name: 'Harbour', slug: 'harbour', source: { sha256: 'x' },
      notes: [
        { id: 'vboat00000001', kind: 'vocab', lang: 'zh', zh: '小船', en: 'small boat', context, cloze: '小船', order: 0 },
        { id: 'vwind00000001', kind: 'vocab', lang: 'zh', zh: '风', en: 'wind', context, order: 1 },
      ],
    };
    const rows = apkgRows({ deck, states: new Map(), reviews: [], withSchedule: false, desiredRetention: 0.9, now: crt, dayOf: days.dayOf });
    const [boat, wind] = rows.notes;
    expect(rows.cards.filter((c) => c.nid === boat!.id).map((c) => c.ord)).toEqual([0, 1, 2]);
    expect(rows.cards.filter((c) => c.nid === wind!.id).map((c) => c.ord)).toEqual([0, 1]);
    const field = (note: typeof boat, name: (typeof APKG_FIELDS)[number]) => note!.flds.split('\x1f')[APKG_FIELDS.indexOf(name)];
    expect(field(boat, 'Cloze')).toBe('风把&lt;____&gt;吹向了岸边。');
    expect(field(boat, 'Cloze hint')).toBe('small boat');
    expect(field(boat, 'Cloze term')).toBe('小船');
    expect(field(boat, 'Cloze answer')).toBe('风把&lt;<span class="term">小船</span>&gt;吹向了岸边。');
    expect(field(wind, 'Cloze')).toBe('');
  });
});
