// Cloze cards (issue 15, item 2): a vocabulary note whose import found its term in its context
// sentence gets a third card, `<noteId>:cloze`. Old decks, which have no `cloze` field, yield
// exactly the cards they always did.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/article/index.js';
import { parseDeck, serialiseDeck } from '../../../src/core/deck/file.js';
import { notesFromAnalysis } from '../../../src/core/deck/from-analysis.js';
import { mergeNotes } from '../../../src/core/deck/merge.js';
import { askedDirection, cardId, cardKinds, DECK_FORMAT, splitCardId, type Deck, type Note } from '../../../src/core/deck/note.js';
import { noteRefs, outlineDeck } from '../../../src/core/deck/outline.js';
import { summarise } from '../../../src/core/deck/summary.js';
import { buildQueue, type DeckCards } from '../../../src/core/srs/queue.js';
import { makeScheduler } from '../../../src/core/srs/scheduler.js';
import { answerOf, promptOf, startSession, step } from '../../../src/core/srs/session.js';
import { UserError } from '../../../src/core/errors.js';
import { counter, deck as deckOf, reviewState, sentence, settings } from '../srs/fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const now = new Date('2026-04-02T09:00:00Z');

const pier: Note = {
  id: 'vpier0000001', kind: 'vocab', lang: 'zh', zh: '码头', en: 'pier', pinyin: 'mǎ tóu', pos: 'n.', order: 1,
  context: { zh: '雾散以后,码头上的人才看见那条船。', en: 'Only when the fog lifted did the people on the pier see the boat.' },
  cloze: '码头',
};
const drift: Note = {
  id: 'vdrift000001', kind: 'vocab', lang: 'en', zh: '漂', en: 'drift', order: 2,
  context: { zh: '小船慢慢漂向岸边。', en: 'The little boat drifted slowly to the shore.' },
  cloze: 'drifted',
};
const line: Note = sentence('sline0000001', '海鸥在码头上空盘旋。', 'Gulls circled above the pier.', 0);

const deckWith = (notes: Note[]): Deck => ({ format: DECK_FORMAT, name: 'Harbour', slug: 'harbour', source: { sha256: 'x' }, notes });


/** A dictionary that knows no word: no occurrence of a term is taken for part of a longer one. */
const noWords = () => false;
describe('the cards of a note', () => {
  it('a vocabulary note with a cloze has three, its cloze last; without one two, context or not', () => {
    expect(cardKinds(pier)).toEqual(['zh-en', 'en-zh', 'cloze']);
    const { cloze: _, ...old } = pier;
    expect(cardKinds(old)).toEqual(['zh-en', 'en-zh']);
    expect(cardKinds(line)).toEqual(['zh-en', 'en-zh']);
  });

  it('a cloze card id round-trips, and counts as the direction that asks for its term', () => {
    expect(splitCardId(cardId(pier.id, 'cloze'))).toEqual({ noteId: pier.id, direction: 'cloze' });
    expect(askedDirection('cloze', pier)).toBe('en-zh');
    expect(askedDirection('cloze', drift)).toBe('zh-en');
    expect(askedDirection('cloze', line)).toBeUndefined();
  });

  it('the outline keeps which notes have a cloze and in which language, for the queue without the text', () => {
    const outline = outlineDeck(deckWith([line, pier, drift]));
    expect(outline.kinds).toBe('sze');
    expect(noteRefs(outline).map((r) => cardKinds(r).length)).toEqual([2, 3, 3]);
    expect(noteRefs(outline)[1]).toEqual({ id: pier.id, kind: 'vocab', order: 1, clozeLang: 'zh' });
    // An outline a release before cloze cards wrote: letters s and v only, read as before.
    expect(noteRefs({ ids: ['a', 'b'], kinds: 'sv' })).toEqual([{ id: 'a', kind: 'sentence', order: 0 }, { id: 'b', kind: 'vocab', order: 1 }]);
  });
});

describe('old deck files', () => {
  const dir = join(ROOT, 'tests', 'fixtures', 'homes', 'release-794134e', 'decks');
  it.each(readdirSync(dir))('%s yields exactly two cards a note, vocabulary with context included', (file) => {
    const deck = parseDeck(readFileSync(join(dir, file), 'utf8'), file);
    expect(deck.notes.some((n) => n.kind === 'vocab' && n.context)).toBe(true);
    for (const note of deck.notes) expect(cardKinds(note)).toEqual(['zh-en', 'en-zh']);
    expect(outlineDeck(deck).kinds).toMatch(/^[sv]+$/);
  });
});

describe('the deck file', () => {
  it('writes and reads a cloze back', () => {
    const deck = deckWith([line, pier, drift]);
    const text = serialiseDeck(deck);
    expect(text).toContain('"cloze": "drifted"');
    expect(parseDeck(text, 'harbour.json').notes).toEqual(deck.notes);
  });

  it.each([
    ['not text', { ...pier, cloze: 3 }, /note vpier0000001: "cloze" must be non-empty text/],
    ['not in the sentence', { ...pier, cloze: '渡轮' }, /"cloze" "渡轮" is not in its context's "zh" sentence/],
    ['without context', { ...pier, context: undefined }, /"cloze" needs a vocabulary note with "lang" and "context"/],
    ['on a sentence', { ...line, cloze: '码头' }, /"cloze" needs a vocabulary note/],
  ])('refuses a cloze %s, naming the note and its line', (_what, note, message) => {
    const text = serialiseDeck(deckWith([line])).replace('"notes": [', `"notes": [\n${JSON.stringify(note)},`);
    expect(() => parseDeck(text, 'harbour.json')).toThrow(UserError);
    expect(() => parseDeck(text, 'harbour.json')).toThrow(message);
    expect(() => parseDeck(text, 'harbour.json')).toThrow(/^harbour\.json:\d+: /);
  });
});

describe('import', () => {
  const article = [
    '海鸥在码头上空盘旋。',
    'Gulls circled above the pier.',
    '',
    '雾散以后,码头上的人才看见那条船。',
    'Only when the fog lifted did the people on the pier see the boat.',
    '',
    '*码头(pier)',
    '*渡轮(ferry)',
  ].join('\n');

  it('writes the cloze for a term its context holds, and none for one it does not', () => {
    const notes = notesFromAnalysis(analyseArticle(article), noWords);
    const vocab = notes.filter((n) => n.kind === 'vocab');
    expect(vocab.map((n) => [n.zh, n.cloze])).toEqual([['码头', '码头'], ['渡轮', undefined]]);
    expect(vocab[0]!.context?.zh).toContain('码头');
  });

  const seed = join(ROOT, '..', 'shared', 'eval', 'seed', 'article.txt');
  it.skipIf(!existsSync(seed))('the seed article (needs ../shared/eval): 二轨对话 gets its cloze from the sentence that uses it', () => {
    const text = readFileSync(seed, 'utf8');
    const notes = notesFromAnalysis(analyseArticle(text), noWords);
    const track = notes.find((n) => n.zh === '二轨对话')!;
    expect(track.cloze).toBe('二轨对话');
    expect(notes.filter((n) => n.cloze).length).toBe(notes.filter((n) => n.kind === 'vocab' && n.context).length);
  });

  it('re-importing an article over a deck written before cloze cards updates its notes with the cloze', () => {
    const fresh = notesFromAnalysis(analyseArticle(article), noWords);
    const old = fresh.map(({ cloze: _, ...n }) => n);
    const merged = mergeNotes(old, fresh);
    expect(merged.updated).toBe(1);
    expect(merged.notes.find((n) => n.zh === '码头')?.cloze).toBe('码头');
  });
});

describe('the queue', () => {
  const home = (states = {}): DeckCards[] => [deckOf([line, pier, drift], states, 'harbour')];

  it('makes a new cloze card only after its note\'s other cards, one card of a note a day', () => {
    // The sentence uses the pier's term: the word comes just before it.
    const queue = buildQueue(home(), [], settings, { direction: 'both' }, now);
    expect(queue.fresh.map((c) => c.cardId)).toEqual([cardId(pier.id, 'zh-en'), cardId(line.id, 'zh-en'), cardId(drift.id, 'zh-en')]);
    const studied = (id: string) => ({ [cardId(id, 'zh-en')]: reviewState('2026-04-09T00:00:00Z'), [cardId(id, 'en-zh')]: reviewState('2026-04-09T00:00:00Z') });
    const later = buildQueue([deckOf([pier, drift], { ...studied(pier.id), ...studied(drift.id) })], [], settings, { direction: 'both' }, now);
    expect(later.fresh.map((c) => c.cardId)).toEqual([cardId(pier.id, 'cloze'), cardId(drift.id, 'cloze')]);
  });

  it('does not pull a cloze card in front of a new sentence using its term: it would give the sentence away', () => {
    const met = { [cardId(pier.id, 'zh-en')]: reviewState('2026-04-09T00:00:00Z'), [cardId(pier.id, 'en-zh')]: reviewState('2026-04-09T00:00:00Z') };
    const queue = buildQueue(home(met), [], settings, { direction: 'both' }, now);
    expect(queue.fresh.map((c) => c.cardId)).toEqual([cardId(line.id, 'zh-en'), cardId(drift.id, 'zh-en')]);
  });

  it('--direction takes a Chinese term\'s cloze with en-zh, an English term\'s with zh-en', () => {
    const due = reviewState('2026-04-01T00:00:00Z');
    const states = { [cardId(pier.id, 'cloze')]: due, [cardId(drift.id, 'cloze')]: due };
    const ids = (direction: 'zh-en' | 'en-zh') => buildQueue(home(states), [], settings, { direction }, now).review.map((c) => c.cardId);
    expect(ids('en-zh')).toEqual([cardId(pier.id, 'cloze')]);
    expect(ids('zh-en')).toEqual([cardId(drift.id, 'cloze')]);
  });

  it('a cloze card whose note lost its cloze is not shown', () => {
    const { cloze: _, ...plain } = pier;
    const deck = deckOf([plain], { [cardId(pier.id, 'cloze')]: reviewState('2026-04-01T00:00:00Z') });
    expect(buildQueue([deck], [], settings, { direction: 'both' }, now).review).toEqual([]);
  });
});

describe('a session over a cloze card', () => {
  const card = (note: Note) => ({ deck: 'harbour', deckName: 'Harbour', note, direction: 'cloze' as const, cardId: cardId(note.id, 'cloze'), state: null, cram: false });
  const config = { scheduler: makeScheduler(settings), idGen: counter(), dayStartsAt: 4, typeAnswers: false };

  it('prompts with the sentence, term blanked, and answers with the term; grading journals the cloze card', () => {
    expect(promptOf(card(pier))).toEqual({ text: '雾散以后,____上的人才看见那条船。', lang: 'zh' });
    expect(answerOf(card(pier))).toEqual({ text: '码头', lang: 'zh' });
    expect(promptOf(card(drift))).toEqual({ text: 'The little boat ____ slowly to the shore.', lang: 'en' });
    let state = startSession({ learning: [], review: [], fresh: [card(pier)] }, config, { pinyin: false }, now);
    state = step(state, { type: 'show-answer' }, now).state;
    const graded = step(state, { type: 'grade', grade: 3 }, now);
    const entry = graded.effects.find((e) => e.type === 'append');
    expect(entry?.type === 'append' && entry.entries[0]?.cardId).toBe(cardId(pier.id, 'cloze'));
  });

  it('speaks the blank as a pause, and the whole sentence once answered', () => {
    let state = startSession({ learning: [], review: [], fresh: [card(pier)] }, config, { pinyin: false }, now);
    const heard = (s: typeof state) => step(s, { type: 'speak' }, now).effects.flatMap((e) => (e.type === 'speak' ? e.parts.map((p) => p.text) : []));
    expect(heard(state)).toEqual(['雾散以后,…上的人才看见那条船。']);
    state = step(state, { type: 'show-answer' }, now).state;
    expect(heard(state)).toEqual(['雾散以后,码头上的人才看见那条船。']);
  });
});

describe('the deck summary', () => {
  it('counts three cards for a note with a cloze, and only the states of cards the deck has', () => {
    const outline = outlineDeck(deckWith([line, pier]));
    const { cloze: _, ...plain } = pier;
    const states = new Map([[cardId(pier.id, 'cloze'), reviewState('2026-04-01T00:00:00Z')]]);
    const summary = summarise({ slug: 'harbour', name: 'Harbour', noteIds: outline.ids, kinds: outline.kinds, states }, now, new Date('2026-04-03T04:00:00Z'));
    expect(summary).toMatchObject({ notes: 2, cards: 5, new: 4, review: 1, dueToday: 1 });
    const without = outlineDeck(deckWith([line, plain]));
    expect(summarise({ slug: 'harbour', name: 'Harbour', noteIds: without.ids, kinds: without.kinds, states }, now, new Date('2026-04-03T04:00:00Z')))
      .toMatchObject({ notes: 2, cards: 4, new: 4, review: 0 });
  });
});
