import { mkdirSync, writeFileSync } from 'node:fs';
import { noteId } from '../../src/core/deck/id.js';
import { cardId, DECK_FORMAT, type Deck, type Note } from '../../src/core/deck/note.js';
import type { CardState, Grade, JournalEntry } from '../../src/core/srs/card-state.js';
import { makeScheduler, newCardState } from '../../src/core/srs/scheduler.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { writeDeck } from '../../src/store/deck-files.js';
import { journalPath, layout } from '../../src/store/home.js';
import { Store } from '../../src/store/store.js';

// A home for the package tests: a deck of two sentences and two words (original text), graded
// through the real scheduler on this device and on a second one, with an undone grade, a
// suspended card and a leech.

const sentence = (zh: string, en: string, order: number): Note => ({ id: noteId('sentence', [zh, en]), kind: 'sentence', zh, en, order });
const word = (zh: string, en: string, pinyin: string, context: { zh: string; en: string }, order: number): Note => ({
  id: noteId('vocab', [zh]), kind: 'vocab', zh, en, lang: 'zh', pinyin, pos: 'n.', context, order,
});

export const DECK: Deck = {
  format: DECK_FORMAT,
  name: 'Tea <Market> & Co',
  slug: 'tea-market',
  source: { title: '茶市', sha256: 'apkg-test' },
  notes: [
    sentence('清晨的茶市已经坐满了老人。', 'By dawn the tea market was already full of old people.', 0),
    word('茶壶', 'teapot', 'chá hú', { zh: '他把茶壶放在窗边。', en: 'He put the teapot by the window.' }, 1),
    sentence('卖花的姑娘笑着数零钱。', 'The flower seller counted her change, smiling.', 2),
    word('零钱', 'small change', 'líng qián', { zh: '卖花的姑娘笑着数零钱。', en: 'The flower seller counted her change, smiling.' }, 3),
  ],
};

export const T0 = new Date('2026-03-02T09:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

/** Grades `card` at `at`, as a session would journal it. */
function review(id: string, card: string, before: CardState | null, rating: Grade, at: Date): JournalEntry & { type: 'review'; after: CardState } {
  const after = makeScheduler(DEFAULT_SETTINGS).preview(before, at)[rating].state;
  return { type: 'review', id, at: at.toISOString(), deck: DECK.slug, cardId: card, rating, durationMs: 3200, before, after };
}

export interface GradedHome {
  root: string;
  /** The grades that stand, in time order, and the one that was undone. */
  live: JournalEntry[];
  undone: string;
  ids: { reviewed: string; learning: string; suspended: string; leech: string };
}

export async function gradedHome(root: string): Promise<GradedHome> {
  const store = new Store(root);
  writeDeck(store.paths, DECK);
  store.wrote(DECK);
  const [s1, w1, s2, w2] = DECK.notes;
  const reviewed = cardId(s1!.id, 'zh-en');
  const learning = cardId(w1!.id, 'zh-en');
  const suspended = cardId(s2!.id, 'en-zh');
  const leech = cardId(w2!.id, 'zh-en');
  const a = review('r1', reviewed, null, 3, T0);
  const b = review('r2', reviewed, a.after, 3, new Date(T0.getTime() + 10 * MIN));
  const undone = review('r3', reviewed, b.after, 1, new Date(T0.getTime() + 2 * DAY));
  const c = review('r4', learning, null, 1, new Date(T0.getTime() + 2 * DAY + MIN));
  const leechState: CardState = { ...c.after, state: 2, lapses: 8, reps: 12, stability: 0.8, suspended: true, tags: ['leech'] };
  store.commit([a, b, undone, { type: 'undo', id: 'u1', at: new Date(T0.getTime() + 2 * DAY + 5_000).toISOString(), deck: DECK.slug, cardId: reviewed, target: 'r3', before: undone.after, restored: b.after }, c]);
  store.commit([{ type: 'suspend', id: 'p1', at: new Date(T0.getTime() + 2 * DAY + 2 * MIN).toISOString(), deck: DECK.slug, cardId: suspended, before: null, after: { ...newCardState(T0), suspended: true } }]);
  await store.save(true);
  // Another device's journal: a grade made on the laptop, which the package must carry too.
  const other = review('x1', leech, null, 3, new Date(T0.getTime() + DAY));
  const otherAfter = { ...other, after: leechState };
  mkdirSync(layout(root).journals, { recursive: true });
  writeFileSync(journalPath(layout(root), 'laptop'), `${JSON.stringify(otherAfter)}\n`);
  return { root, live: [a, b, otherAfter, c], undone: 'r3', ids: { reviewed, learning, suspended, leech } };
}
