// The pure merge rules of `parley sync`: journals by growth, decks by note id against the base,
// settings by key. Each case names the side that must win; the deck files must stay readable.
import { describe, expect, it } from 'vitest';
import { parseDeck, serialiseDeck } from '../../src/core/deck/file.js';
import type { Deck, Note } from '../../src/core/deck/note.js';
import { mergeDeckFile } from '../../src/core/sync/deck.js';
import { mergeJournal } from '../../src/core/sync/journal.js';
import { mergeFiles } from '../../src/core/sync/merge.js';
import { mergeSettings } from '../../src/core/sync/settings.js';
import { conflictLine, syncSummary, NOTHING } from '../../src/core/sync/summary.js';

const line = (id: string) => `${JSON.stringify({ id, type: 'review', deck: 'tea', at: '2026-11-30T09:00:00.000Z' })}\n`;

describe('mergeJournal', () => {
  it('takes the longer copy when one is the other plus lines', () => {
    const short = line('a') + line('b');
    const long = short + line('c');
    expect(mergeJournal(short, long)).toBe(long);
    expect(mergeJournal(long, short)).toBe(long);
  });

  it('keeps every entry once, ours first, when the copies went different ways', () => {
    const ours = line('a') + line('b') + line('x');
    const theirs = line('a') + line('b') + line('y') + line('x');
    expect(mergeJournal(ours, theirs)).toBe(line('a') + line('b') + line('x') + line('y'));
  });

  it('never deletes a journal, whichever side lost it', () => {
    expect(mergeJournal(undefined, line('a'))).toBe(line('a'));
    expect(mergeJournal(line('a'), undefined)).toBe(line('a'));
  });

  it('does not take a torn last line for a prefix of a longer one', () => {
    const torn = `${line('a')}{"id":"b`;
    expect(mergeJournal(torn, line('a') + line('c'))).toBe(line('a') + `{"id":"b\n` + line('c'));
  });
});

const note = (id: string, en: string, order: number): Note => ({ id, kind: 'sentence', zh: `茶${id}`, en, order });
const deck = (...notes: Note[]): string => serialiseDeck({ format: 'parley-deck/1', name: 'Tea', slug: 'tea', source: { sha256: 'f00d' }, notes } satisfies Deck);
const ids = (text: string | undefined) => parseDeck(text!, 'tea.json').notes.map((n) => n.id);

describe('mergeDeckFile', () => {
  const n1 = note('n1', 'Green tea.', 0);
  const n2 = note('n2', 'Black tea.', 1);
  const base = deck(n1, n2);

  it('keeps the notes each side added', () => {
    const merged = mergeDeckFile('decks/tea.json', base, deck(n1, n2, note('n3', 'Oolong.', 2)), deck(n1, n2, note('n4', 'White tea.', 2)));
    expect(ids(merged.text)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(merged.conflicts).toEqual([]);
  });

  it('deletes a note one side deleted and the other left alone', () => {
    expect(ids(mergeDeckFile('decks/tea.json', base, deck(n1, n2, note('n3', 'Oolong.', 2)), deck(n1)).text)).toEqual(['n1', 'n3']);
  });

  it('keeps a note one side deleted and the other changed', () => {
    const changed = { ...n2, en: 'Red tea, as it is called in China.' };
    const merged = mergeDeckFile('decks/tea.json', base, deck(n1, changed), deck(n1, note('n5', 'Jasmine.', 2)));
    expect(parseDeck(merged.text!, 'tea.json').notes).toEqual([n1, changed, note('n5', 'Jasmine.', 2)]);
  });

  it('takes the change of the one side that changed a note', () => {
    const changed = { ...n1, en: 'Green tea, fresh.' };
    const merged = mergeDeckFile('decks/tea.json', base, deck(n1, n2, note('n3', 'Oolong.', 2)), deck(changed, n2));
    expect(parseDeck(merged.text!, 'tea.json').notes[0]).toEqual(changed);
  });

  it('keeps ours and names the note when both changed it differently', () => {
    const mine = { ...n1, en: 'Green tea, hot.' };
    const theirs = { ...n1, en: 'Green tea, cold.' };
    const merged = mergeDeckFile('decks/tea.json', base, deck(mine, n2), deck(theirs, n2, note('n4', 'White tea.', 2)));
    expect(merged.conflicts).toEqual(['n1']);
    expect(parseDeck(merged.text!, 'tea.json').notes.map((n) => n.en)).toEqual(['Green tea, hot.', 'Black tea.', 'White tea.']);
  });

  it('is no conflict when both made the same change', () => {
    const same = { ...n1, en: 'Green tea, hot.' };
    expect(mergeDeckFile('decks/tea.json', base, deck(same, n2), deck(same, n2, note('n4', 'White tea.', 2))).conflicts).toEqual([]);
  });

  it('deletes a deck one side deleted and the other left alone, and keeps one the other changed', () => {
    expect(mergeDeckFile('decks/tea.json', base, base, undefined)).toMatchObject({ text: undefined, keptChanged: false });
    const changed = deck(n1, n2, note('n3', 'Oolong.', 2));
    expect(mergeDeckFile('decks/tea.json', base, undefined, changed)).toMatchObject({ text: changed, keptChanged: true });
  });

  it('merges a deck both sides made with no base by note id', () => {
    const merged = mergeDeckFile('decks/tea.json', undefined, deck(n1), deck(n1, n2));
    expect(ids(merged.text)).toEqual(['n1', 'n2']);
  });

  it('keeps ours whole when the other side is not a deck', () => {
    const ours = deck(n1, n2, note('n3', 'Oolong.', 2));
    expect(mergeDeckFile('decks/tea.json', base, ours, '{"notes": [')).toMatchObject({ text: ours, unreadable: true });
  });
});

describe('mergeSettings', () => {
  const base = JSON.stringify({ newPerDay: 20, direction: 'both' }, undefined, '\t');

  it('takes each side\'s own changes', () => {
    const merged = mergeSettings(base, JSON.stringify({ newPerDay: 5, direction: 'both' }), JSON.stringify({ newPerDay: 20, direction: 'zh-en', showPinyin: true }), false);
    expect(JSON.parse(merged.text!)).toEqual({ newPerDay: 5, direction: 'zh-en', showPinyin: true });
    expect(merged.clashes).toEqual([]);
    expect(merged.text).toContain('\n\t"newPerDay": 5');
  });

  it('gives a key both changed to the newer side', () => {
    const ours = JSON.stringify({ newPerDay: 5, direction: 'both' });
    const theirs = JSON.stringify({ newPerDay: 8, direction: 'both' });
    expect(mergeSettings(base, ours, theirs, true)).toMatchObject({ clashes: ['newPerDay'] });
    expect(JSON.parse(mergeSettings(base, ours, theirs, true).text!).newPerDay).toBe(8);
    expect(JSON.parse(mergeSettings(base, ours, theirs, false).text!).newPerDay).toBe(5);
  });
});

describe('mergeFiles', () => {
  it('writes the other side of a conflicting deck beside it, under a name no deck has', () => {
    const n1 = note('n1', 'Green tea.', 0);
    const theirs = deck({ ...n1, en: 'Green tea, cold.' });
    const outcome = mergeFiles(new Map([['decks/tea.json', { base: deck(n1), ours: deck({ ...n1, en: 'Green tea, hot.' }), theirs }]]), false);
    expect(outcome.files.get('decks/tea.json.conflict')).toBe(theirs);
    expect(outcome.conflicts).toEqual([{ path: 'decks/tea.json', notes: 1, unreadable: false }]);
    const [what, todo] = conflictLine(outcome)!;
    expect(`${what} — ${todo}`).not.toContain('\n');
    expect(what).toMatch(/^1 note of deck tea changed differently on both machines/);
    expect(todo).toContain('decks/tea.json.conflict');
  });

  it('keeps the words of both copies of a device\'s known-word list, each once', () => {
    const outcome = mergeFiles(new Map([['known/laptop-1a2b3c4d.txt', { base: '邻居\n', ours: '邻居\n茶叶\n', theirs: '邻居\nweather\n' }]]), false);
    expect(outcome.files.get('known/laptop-1a2b3c4d.txt')).toBe('邻居\n茶叶\nweather\n');
  });

  it('leaves a path that is no file of a home as ours has it', () => {
    const outcome = mergeFiles(new Map([['notes/todo.txt', { base: 'a', ours: 'a', theirs: 'b' }], ['decks/../x.json', { theirs: 'x' }]]), false);
    expect([...outcome.files]).toEqual([['notes/todo.txt', 'a'], ['decks/../x.json', undefined]]);
  });
});

describe('syncSummary', () => {
  it('says what came in and went out in one line', () => {
    expect(syncSummary('/r.git', { ...NOTHING, entries: 3, decksAdded: 1 }, { ...NOTHING, entries: 1 })).toBe('synced with /r.git: received 3 history entries, 1 new deck; sent 1 history entry');
    expect(syncSummary('/r.git', NOTHING, NOTHING)).toBe('synced with /r.git: nothing new either way');
    expect(syncSummary('/r.git', { ...NOTHING, knownWords: 2 }, NOTHING)).toBe('synced with /r.git: received 2 known words; sent nothing');
  });
});
