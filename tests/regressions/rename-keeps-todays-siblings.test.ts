// Found reviewing issue 10's fix: today's grades were keyed by the deck slug they were made under,
// so after a same-day rename the other direction of a note graded today came back the same day.
// A rename line now carries today's grades over to the new slug.
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/core/srs/card-state.js';
import { studiedToday } from '../../src/core/srs/queue.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const state = { due: '2026-11-30T12:10:00.000Z', stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 1, reps: 1, lapses: 0, state: 1 as const };

describe('today\'s grades across a rename', () => {
  it('count under the new slug too', () => {
    const journal: JournalEntry[] = [
      { type: 'review', id: 'r1', at: '2026-11-30T09:00:00.000Z', deck: 'market', cardId: 'n1:zh-en', rating: 3, durationMs: 1000, before: null, after: state },
      { type: 'rename', id: 'm1', at: '2026-11-30T10:00:00.000Z', deck: 'bazaar', from: 'market', cards: { 'n1:zh-en': state } },
    ];
    const today = studiedToday(journal, NOW, 4);
    expect(today.cards.has('bazaar\u0000n1:zh-en')).toBe(true);
    expect(today.newIntroduced).toBe(1);
  });
});
