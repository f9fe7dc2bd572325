// A scripted grader for the durability tests: commits `count` reviews on a deck's cards, retrying
// when another process changed a card first, and prints "ack <id>" once each is durable.
import { cardId } from '../../src/core/deck/note.js';
import { readDeck } from '../../src/store/deck-files.js';
import { Store } from '../../src/store/store.js';
import { reviewState } from './home-fixture.js';

const [home = '', deckSlug = '', countText = '0', tag = 'g'] = process.argv.slice(2);
const store = new Store(home);
const deck = readDeck(store.paths, deckSlug);
const now = new Date('2026-11-29T10:00:00Z');
for (let i = 0; i < Number(countText); i++) {
  const note = deck.notes[i % deck.notes.length]!;
  const id = cardId(note.id, 'zh-en');
  const entryId = `${tag}-${i}`;
  for (;;) {
    const before = store.states(deckSlug).get(id) ?? null;
    const after = reviewState(now, (before?.reps ?? 0) + i);
    after.reps = (before?.reps ?? 0) + 1;
    const result = store.commit([{ type: 'review', id: entryId, at: now.toISOString(), deck: deckSlug, cardId: id, rating: 3, durationMs: 1000, before, after }]);
    if (result.ok) break;
  }
  process.stdout.write(`ack ${entryId}\n`);
}
