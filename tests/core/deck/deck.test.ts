import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteSpans, parseDeck, parseNote, serialiseDeck } from '../../../src/core/deck/file.js';
import { noteId } from '../../../src/core/deck/id.js';
import { mergeNotes } from '../../../src/core/deck/merge.js';
import { cardId, DECK_FORMAT, splitCardId, type Deck, type Note } from '../../../src/core/deck/note.js';
import { deckSlug, slugify } from '../../../src/core/deck/slug.js';
import { summarise } from '../../../src/core/deck/summary.js';
import { UserError } from '../../../src/core/errors.js';

const sentence = (zh: string, en: string, order = 0): Note => ({ id: noteId('sentence', [zh, en]), kind: 'sentence', zh, en, order });

describe('note ids', () => {
  it('are stable across width, spacing and quote differences', () => {
    expect(noteId('sentence', ['他说:“好。”', 'He said "fine."'])).toBe(noteId('sentence', ['他说：“好。” ', 'He  said “fine.”']));
    expect(noteId('sentence', ['一', 'one'])).not.toBe(noteId('sentence', ['一', 'two']));
    expect(noteId('vocab', ['zh', '熟客'])).toMatch(/^v[0-9a-f]{12}$/);
  });

  it('card ids round-trip', () => {
    expect(splitCardId(cardId('s0123456789ab', 'en-zh'))).toEqual({ noteId: 's0123456789ab', direction: 'en-zh' });
    expect(splitCardId('nodirection')).toBeUndefined();
  });
});

describe('slugs', () => {
  it('make file names from any deck name', () => {
    const toPinyin = (zh: string) => ({ 早市: 'zǎo shì', 绿茶: 'lǜ chá' })[zh];
    expect(slugify('AI Safety: Track II', toPinyin)).toBe('ai-safety-track-ii');
    expect(slugify('早市', toPinyin)).toBe('zao-shi');
    expect(slugify('绿茶', toPinyin)).toBe('lu-cha');
    expect(slugify('Café 2026', toPinyin)).toBe('cafe-2026');
  });

  it('refuse names that are paths or empty', () => {
    for (const bad of ['../x', 'a/b', '.hidden', '…', '']) expect(() => deckSlug(bad, () => undefined)).toThrow(UserError);
  });
});

describe('deck file', () => {
  const deck: Deck = {
    format: DECK_FORMAT, name: 'Market', slug: 'market', source: { title: '早市', sha256: 'abc' },
    notes: [sentence('早市很热闹。', 'The market is busy.'), { ...sentence('熟客', 'regular customer', 1), kind: 'vocab', lang: 'zh', pinyin: 'shú kè' }],
  };

  it('round-trips through pretty JSON', () => {
    const text = serialiseDeck(deck);
    expect(text).toContain('\n  "notes": [\n');
    expect(parseDeck(text, 'm.json')).toEqual(deck);
  });

  it('round-trips any note text', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (zh, en) => {
      fc.pre(zh.trim() !== '' && en.trim() !== '');
      const d = { ...deck, notes: [{ ...sentence(zh, en), zh, en }] };
      expect(parseDeck(serialiseDeck(d), 'x.json')).toEqual(d);
    }));
  });

  it('names file:line for each kind of damage', () => {
    const text = serialiseDeck(deck);
    const broken = (t: string) => {
      try {
        parseDeck(t, 'm.json');
      } catch (error) {
        return (error as UserError).message;
      }
      return 'no error';
    };
    expect(broken(text.replace('"format": "parley-deck/1"', '"format": "anki"'))).toBe('m.json:2: "format" must be "parley-deck/1"');
    expect(broken(text.replace('"order": 1', '"order": "one"'))).toMatch(/^m\.json:\d+: note v?s?[0-9a-f]+: "order" must be a number$/);
    expect(broken(text.replace('"kind": "vocab"', '"kind": "word"'))).toMatch(/"kind" must be "sentence" or "vocab"/);
    expect(broken(text.slice(0, 40))).toMatch(/^m\.json:\d+: not valid JSON$/);
    expect(broken('[]')).toBe('m.json:1: a deck must be a JSON object');
  });
});

describe('note spans', () => {
  it('find every note of a saved deck, whatever its text holds', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', '{', '}', '[', ']', '"', '\\', ',', ' ', '\n', '😀'), minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== '');
    const noteArb = fc.record({ zh: text, en: text, note: fc.option(text, { nil: undefined }), withContext: fc.boolean() });
    fc.assert(fc.property(fc.array(noteArb, { maxLength: 6 }), fc.option(text, { nil: undefined }), (raw, title) => {
      const notes: Note[] = raw.map((r, i) => ({
        id: `n${i}`, kind: 'sentence', zh: r.zh, en: r.en, order: i, ...(r.note ? { note: r.note } : {}),
        ...(r.withContext ? { context: { zh: r.zh, en: r.en } } : {}),
      }));
      const bytes = Buffer.from(serialiseDeck({ format: DECK_FORMAT, name: 'd', slug: 'd', source: { sha256: 'x', title }, notes }));
      const spans = noteSpans(bytes)!;
      expect(spans).toHaveLength(notes.length * 2);
      notes.forEach((note, i) => expect(parseNote(bytes.subarray(spans[2 * i], spans[2 * i + 1]).toString('utf8'))).toEqual(note));
    }));
  });

  it('give up on bytes that are not a deck, and parseNote on anything but a note', () => {
    expect(noteSpans(Buffer.from('{"notes": [{"id": "a"}'))).toBeUndefined();
    expect(noteSpans(Buffer.from('{"notes": [}]'))).toBeUndefined();
    expect(parseNote('{"id": "a", "kind": "sentence"}')).toBeUndefined();
    expect(parseNote('{"id": "a"')).toBeUndefined();
  });
});

describe('merging a re-import', () => {
  const old = [sentence('早市很热闹。', 'The market is busy.', 0), sentence('她卖豆浆。', 'She sells soy milk.', 1)];

  it('adds nothing for the same article', () => {
    const result = mergeNotes(old, old);
    expect(result).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(result.notes).toEqual(old);
  });

  it('re-links a corrected translation to the old note id', () => {
    const corrected = [old[0]!, sentence('她卖豆浆。', 'She sells fresh soy milk.')];
    const result = mergeNotes(old, corrected);
    expect(result).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect(result.notes[1]).toEqual({ ...corrected[1], id: old[1]!.id, order: 1 });
  });

  it('appends new notes after the old ones and keeps notes the article no longer has', () => {
    const result = mergeNotes(old, [sentence('街道安静了。', 'The street is quiet.')]);
    expect(result).toMatchObject({ added: 1, updated: 0, unchanged: 0 });
    expect(result.notes.map((n) => n.order)).toEqual([0, 1, 2]);
  });
});

describe('deck summary', () => {
  it('counts each card once by state, and what is due before the day ends', () => {
    const notes = [sentence('一', 'one', 0), sentence('二', 'two', 1), sentence('三', 'three', 2)];
    const deck: Deck = { format: DECK_FORMAT, name: 'N', slug: 'n', source: { sha256: '' }, notes };
    const now = new Date('2026-01-10T12:00:00Z');
    const base = { stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps: 1, lapses: 0 };
    const states = new Map([
      [cardId(notes[0]!.id, 'zh-en'), { ...base, state: 2 as const, due: '2026-01-11T03:00:00Z' }],
      [cardId(notes[0]!.id, 'en-zh'), { ...base, state: 2 as const, due: '2026-01-12T03:00:00Z' }],
      [cardId(notes[1]!.id, 'zh-en'), { ...base, state: 1 as const, due: '2026-01-10T12:10:00Z' }],
      [cardId(notes[1]!.id, 'en-zh'), { ...base, state: 2 as const, due: '2026-01-09T00:00:00Z', suspended: true }],
      [cardId(notes[2]!.id, 'zh-en'), { ...base, state: 3 as const, due: '2026-01-10T11:00:00Z', buriedUntil: '2026-01-11T04:00:00Z' }],
    ]);
    expect(summarise({ slug: deck.slug, name: deck.name, noteIds: deck.notes.map((n) => n.id), kinds: 'sss', states }, now, new Date('2026-01-11T04:00:00Z'))).toEqual({
      name: 'N', slug: 'n', notes: 3, cards: 6, new: 1, learning: 2, review: 2, dueToday: 2, suspended: 1,
    });
  });
});
