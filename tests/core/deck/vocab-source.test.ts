import { describe, expect, it } from 'vitest';
import { parseDeck, serialiseDeck } from '../../../src/core/deck/file.js';
import { DECK_FORMAT, type Deck } from '../../../src/core/deck/note.js';

const deck = (notes: object[]) => JSON.stringify({ format: DECK_FORMAT, name: 'd', slug: 'd', source: { sha256: 'x' }, notes }, null, 2);
const vocab = { id: 'v1', kind: 'vocab', zh: '露水', en: 'dew', lang: 'zh', order: 0 };

describe('a vocabulary note\'s source', () => {
  it('is absent in a deck written before suggestions, and the deck reads as it was written', () => {
    const text = deck([vocab]);
    const parsed = parseDeck(text, 'old.json');
    expect(parsed.notes[0]!.source).toBeUndefined();
    expect(serialiseDeck(parsed)).toBe(`${text}\n`);
  });

  it('survives a write and a read', () => {
    const parsed = parseDeck(deck([{ ...vocab, source: 'suggested' }]), 'new.json');
    expect(parsed.notes[0]!.source).toBe('suggested');
    const again = parseDeck(serialiseDeck(parsed as Deck), 'new.json');
    expect(again.notes[0]!.source).toBe('suggested');
  });

  it('is refused, naming the line, when it is neither article nor suggested', () => {
    expect(() => parseDeck(deck([{ ...vocab, source: 'guessed' }]), 'bad.json')).toThrow(/^bad\.json:\d+: note v1: "source" must be "article" or "suggested"$/);
  });
});
