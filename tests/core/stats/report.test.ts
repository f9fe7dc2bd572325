import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { cardId, type Note } from '../../../src/core/deck/note.js';
import { DEFAULT_SETTINGS } from '../../../src/core/settings.js';
import { cardsOfDeck } from '../../../src/core/srs/queue.js';
import { buildStats } from '../../../src/core/stats/report.js';
import { local, review, state } from './journal-fixture.js';

const notes: Note[] = ['n1', 'n2', 'n3'].map((id, order) => ({ id, kind: 'sentence', zh: `中文${id}`, en: `English ${id}`, order }));

describe('buildStats', () => {
  const now = local(1, 9);
  const states = new Map([
    [cardId('n1', 'zh-en'), state({ state: 2, due: local(1, 12).toISOString(), scheduled_days: 30, last_review: local(30, 9, 0, 0).toISOString() })],
    [cardId('n1', 'en-zh'), state({ state: 2, due: local(5, 12).toISOString() })],
  ]);
  const journal = [
    review(cardId('n1', 'zh-en'), local(1, 8), 3, state({ state: 2, scheduled_days: 30 }), 7000),
    review('gone:zh-en', local(28, 8, 0, 1), 1, state({ state: 2 })), // a card of a deleted deck
  ];
  const input = { decks: [cardsOfDeck({ slug: 'd', name: 'Deck', notes }, states)], journal, settings: DEFAULT_SETTINGS, weights: default_w, now };

  it('sums today, cards by state, retention, recall, forecast and heatmap', () => {
    const report = buildStats({ ...input, wholeHome: true });
    expect(report.date).toBe('2026-03-01');
    // Left is today's queue: n1 was studied today, so its cards wait for tomorrow, and of the new
    // notes n2 and n3 one direction each comes today (siblings are kept apart). The deleted deck's
    // review yesterday keeps the streak going.
    expect(report.today).toEqual({ reviews: 1, left: 2, timeMs: 7000, streak: 2 });
    expect(report.reviews).toEqual({ today: 1, last30Days: 2, total: 2 });
    expect(report.byState.total).toEqual({ new: 4, learning: 0, review: 2, suspended: 0 });
    expect(report.retention.mature).toEqual({ passed: 1, failed: 0, rate: 1 });
    expect(report.retention.young).toEqual({ passed: 0, failed: 1, rate: 0 });
    expect(report.byState.decks[0]!.recall.cards).toBe(2);
    expect(report.forecast[0]!.due).toBe(1);
    expect(report.forecast[4]!.due).toBe(1);
    expect(report.heatmap.at(-1)).toEqual({ date: '2026-03-01', reviews: 1 });
  });

  it('counts only the deck\'s own cards when asked about one deck', () => {
    const report = buildStats({ ...input, wholeHome: false });
    expect(report.reviews.total).toBe(1);
    expect(report.retention.young.failed).toBe(0);
  });

  it('serialises to the documented --json shape', () => {
    const json = JSON.parse(JSON.stringify(buildStats({ ...input, wholeHome: true })));
    for (const key of ['reviews', 'retention', 'byState', 'forecast', 'heatmap']) expect(json).toHaveProperty(key);
    expect(json.forecast[0]).toEqual({ date: '2026-03-01', due: 1 });
    expect(Object.keys(json.heatmap[0])).toEqual(['date', 'reviews']);
  });
});
