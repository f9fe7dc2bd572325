import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import type { Note } from '../../src/core/deck/note.js';
import { buildQueue, cardsOfDeck } from '../../src/core/srs/queue.js';
import { makeScheduler } from '../../src/core/srs/scheduler.js';
import { startSession, step, type SessionEvent, type SessionState } from '../../src/core/srs/session.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { eventForKey } from '../../src/ui/review/bindings.js';
import { renderReview, renderSummary } from '../../src/ui/review/render.js';

const now = new Date('2025-05-10T10:00:00Z');
const sentence: Note = {
  id: 's1', kind: 'sentence', order: 1,
  zh: '二轨对话是一种非官方的外交渠道，通常由学者、退休官员和智库研究人员参与，用来在官方谈判陷入僵局时保持沟通。',
  en: 'Track II dialogue is an unofficial diplomatic channel, usually involving scholars, retired officials and think-tank researchers, used to keep talking when official negotiations stall.',
};
const word: Note = {
  id: 'v1', kind: 'vocab', order: 2, lang: 'en', pos: 'adj.',
  zh: '令人不安的、令人困惑的', en: 'disconcerting', note: 'Often of news or silence.',
  context: { zh: '这种沉默令人不安。', en: 'The silence was disconcerting.' },
};

const ferry: Note = {
  id: 'v2', kind: 'vocab', order: 3, lang: 'zh', pos: 'n.', pinyin: 'dù lún',
  zh: '渡轮', en: 'ferry', note: 'A boat that carries people across water on a timetable.',
  context: { zh: '大雾让早班渡轮晚了半个小时,码头上的人都在等。', en: 'The fog held the morning ferry up by half an hour, and everyone on the pier waited.' },
  cloze: '渡轮',
};

/** A session whose first card is the note's cloze card, as a later day brings it. */
function clozeSession(note: Note, typeAnswers = false): SessionState {
  const card = { deck: 'ai', deckName: 'AI 安全对话', note, direction: 'cloze' as const, cardId: `${note.id}:cloze`, state: null, cram: false };
  return startSession({ learning: [], review: [], fresh: [card] }, { scheduler: makeScheduler(DEFAULT_SETTINGS), idGen: () => 'x', dayStartsAt: 4, typeAnswers }, { pinyin: false }, now);
}

function session(note: Note, direction: 'zh-en' | 'en-zh', deckName = 'AI 安全对话', typeAnswers = false): SessionState {
  const queue = buildQueue([cardsOfDeck({ slug: 'ai', name: deckName, notes: [note] }, new Map())], [], DEFAULT_SETTINGS, { direction }, now);
  return startSession(queue, { scheduler: makeScheduler(DEFAULT_SETTINGS), idGen: () => 'x', dayStartsAt: 4, typeAnswers }, { pinyin: false }, now);
}

function apply(state: SessionState, ...events: SessionEvent[]): SessionState {
  return events.reduce((s, e) => step(s, e, now).state, state);
}

const fakePinyin = (zh: string) => [...zh].map(() => 'pin').join(' ');
const sizes = [
  { columns: 80, rows: 24 },
  { columns: 40, rows: 12 },
];

function screens() {
  const zhCard = session(sentence, 'zh-en');
  const vocabCard = session(word, 'en-zh');
  return {
    'sentence, question': zhCard,
    'sentence, answer with pinyin': apply(zhCard, { type: 'toggle-pinyin' }, { type: 'show-answer' }),
    'vocabulary, answer': apply(vocabCard, { type: 'show-answer' }),
    'vocabulary, typed answer': apply(session(word, 'en-zh', 'ai', true), { type: 'typed-answer', text: '令人困扰的' }),
    'vocabulary term first, question': session(ferry, 'zh-en'),
    'vocabulary term first, answer': apply(session(ferry, 'zh-en'), { type: 'show-answer' }),
    'cloze, question': clozeSession(ferry),
    'cloze, answer': apply(clozeSession(ferry), { type: 'show-answer' }),
    'nothing to undo': apply(zhCard, { type: 'undo' }),
  };
}

describe.each(sizes)('at $columns x $rows, no colour', ({ columns, rows }) => {
  test.each(Object.entries(screens()))('%s', (_name, state) => {
    const screen = renderReview(state, { columns, rows, color: false, pinyin: fakePinyin });
    const lines = screen.split('\n');
    expect(lines.length).toBeLessThanOrEqual(rows);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    // The header's counts end at the right edge whatever the deck name's script.
    expect(stringWidth(lines[0]!)).toBe(columns);
    expect(screen).toMatchSnapshot();
  });
});

test('the grade line shows the four previewed intervals', () => {
  const screen = renderReview(apply(session(sentence, 'zh-en'), { type: 'show-answer' }), { columns: 80, rows: 24, color: false });
  expect(screen).toContain('1 Again 1m  2 Hard 6m  3 Good 10m  4 Easy 8d');
});

test('CJK and Latin deck names align the header counts by display width', () => {
  const cjk = renderReview(session(sentence, 'zh-en', '人工智能安全'), { columns: 60, rows: 20, color: false }).split('\n')[0]!;
  const latin = renderReview(session(sentence, 'zh-en', 'ai-safety'), { columns: 60, rows: 20, color: false }).split('\n')[0]!;
  expect(stringWidth(cjk)).toBe(60);
  expect(stringWidth(latin)).toBe(60);
  expect(cjk.endsWith('new 1  learn 0  due 0')).toBe(true);
});

test.each([[20, 6], [30, 8], [100, 40], [132, 50]])('fits %i x %i with colour on', (columns, rows) => {
  for (const state of Object.values(screens())) {
    const lines = renderReview(state, { columns, rows, color: true, pinyin: fakePinyin }).split('\n');
    expect(lines.length).toBeLessThanOrEqual(rows);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
  }
});

test('a cloze card asks with the term blanked and the gloss as a hint, and answers with the term marked in place', () => {
  const question = renderReview(clozeSession(ferry), { columns: 80, rows: 24, color: false });
  expect(question).toContain('大雾让早班____晚了半个小时');
  expect(question).toContain('hint: ferry  n.');
  expect(question).not.toMatch(/渡轮|dù lún/);
  const answer = renderReview(apply(clozeSession(ferry), { type: 'show-answer' }), { columns: 80, rows: 24, color: false });
  expect(answer).toContain('大雾让早班【渡轮】晚了半个小时');
  expect(answer).toMatch(/^ {2}渡轮$/m);
  expect(answer).toContain('dù lún');
  expect(answer).toContain('The fog held the morning ferry up');
  expect(answer.split('\n')[0]).toMatch(/AI 安全对话 {2}cloze /);
});

test('with pinyin on, a cloze card reads the blanked sentence, then the whole one once the term is in', () => {
  // The screen asks for the reading of what it shows; a fake reader says which text it was given.
  const pinyin = (zh: string) => (zh.includes('渡轮') ? 'whole sentence' : zh.includes('____') ? 'blanked sentence' : undefined);
  const withPinyin = { ...clozeSession(ferry), pinyin: true };
  expect(renderReview(withPinyin, { columns: 80, rows: 24, color: false, pinyin })).toContain('blanked sentence');
  const answer = renderReview(apply(withPinyin, { type: 'show-answer' }), { columns: 80, rows: 24, color: false, pinyin });
  expect(answer).toContain('whole sentence');
  expect(answer).not.toContain('blanked sentence');
});

test('a Chinese term with no cloze form is not marked in its context, where its characters may be part of another word', () => {
  const will: Note = {
    id: 'v3', kind: 'vocab', order: 4, lang: 'zh', zh: '会', en: 'will',
    context: { zh: '他会来的时候会议才能开。', en: 'The meeting can begin when he comes.' },
  };
  const back = renderReview(apply(session(will, 'zh-en'), { type: 'show-answer' }), { columns: 80, rows: 24, color: false });
  expect(back).toContain('他会来的时候会议才能开。');
  expect(back).not.toContain('【');
});

test('in colour the marked term has the term colour, and the brackets stay', () => {
  const answer = renderReview(apply(clozeSession(ferry), { type: 'show-answer' }), { columns: 80, rows: 24, color: true });
  expect(answer).toContain('\x1b[36m\x1b[1m【渡轮】');
});

test('a vocabulary card shows its part of speech with the prompt, and the term marked in its context on the back', () => {
  const front = renderReview(session(word, 'en-zh'), { columns: 80, rows: 24, color: false });
  expect(front).toMatch(/^ {2}disconcerting {2}adj\.$/m);
  const back = renderReview(apply(session(ferry, 'en-zh'), { type: 'show-answer' }), { columns: 80, rows: 24, color: false });
  expect(back).toMatch(/^ {2}ferry {2}n\.$/m);
  expect(back).toContain('dù lún');
  expect(back).toContain('大雾让早班【渡轮】晚了');
});

test('a typed cloze answer may be the term or the form the blank held', () => {
  const ran: Note = { id: 'v3', kind: 'vocab', order: 4, lang: 'en', zh: '跑', en: 'run', context: { zh: '他们跑向码头。', en: 'They ran to the pier.' }, cloze: 'ran' };
  for (const typed of ['run', 'ran']) {
    const state = apply(clozeSession(ran, true), { type: 'typed-answer', text: typed });
    expect(state.showing?.check?.suggested).toBe(3);
  }
  expect(renderReview(clozeSession(ran), { columns: 80, rows: 24, color: false })).toContain('They ____ to the pier.');
});

test('colour carries meaning but the text reads the same without it', () => {
  const state = apply(session(word, 'en-zh', 'ai', true), { type: 'typed-answer', text: '令人困扰的' });
  const colored = renderReview(state, { columns: 80, rows: 24, color: true });
  const plain = renderReview(state, { columns: 80, rows: 24, color: false });
  expect(colored).not.toBe(plain);
  expect(colored.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain);
});

test('keys map to session events', () => {
  const state = session(sentence, 'zh-en');
  expect(eventForKey('space', state)).toEqual({ type: 'show-answer' });
  expect(eventForKey('3', state)).toEqual({ type: 'grade', grade: 3 });
  expect(eventForKey('ctrl-c', state)).toEqual({ type: 'quit' });
  expect(eventForKey('resize', state)).toBeNull();
  expect(eventForKey('enter', session(sentence, 'zh-en', 'ai', true))).toBeNull();
});

test('summary', () => {
  const facts = { done: 24, again: 6, againRate: 0.25, elapsedMs: 754_000, learningLater: 0, dueTomorrow: 31 };
  const text = renderSummary(facts, { columns: 80, color: false });
  expect(text).toMatchInlineSnapshot(`
    "Session done.
      cards done    24
      again         6 (25%)
      time          12 min 34 s
      due tomorrow  31"
  `);
  for (const line of renderSummary(facts, { columns: 16, color: true }).split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(16);
});

describe('typing an answer (--type)', () => {
  const typing = () => session(sentence, 'en-zh', 'ai', true);

  test('a 3,000-character paste shows its end on one line; the card stays on the screen', () => {
    const lines = renderReview(typing(), { columns: 80, rows: 24, color: false, typed: '春'.repeat(3000) }).split('\n');
    expect(lines).toHaveLength(24);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^ai\s+en-zh/);
    expect(lines.join('\n')).toContain('Track II dialogue');
    expect(lines.at(-1)).toMatch(/^Your answer: \.\.\.春+_$/);
  });

  test('the comparison of a long typed answer takes a few lines, not the screen', () => {
    const state = apply(typing(), { type: 'typed-answer', text: '春'.repeat(1000) });
    const screen = renderReview(state, { columns: 80, rows: 24, color: false });
    const typed = screen.split('\n').filter((l) => l.includes('春'));
    expect(typed.length).toBeLessThanOrEqual(3);
    expect(screen).toMatch(/1 Again/);
  });

  test('on a scrolling terminal: no padding, and the label last for the terminal to echo after', () => {
    const screen = renderReview(typing(), { columns: 80, rows: Infinity, color: false });
    expect(screen).not.toMatch(/\n\n\n/);
    expect(screen.endsWith('\nYour answer: ')).toBe(true);
  });
});

describe('the speech hint', () => {
  test('one dim line above the key help, cut to the width', () => {
    const hint = 'no speech engine found — install espeak-ng (`apt install espeak-ng`)';
    const lines = renderReview(session(sentence, 'zh-en'), { columns: 80, rows: 24, color: true, hint }).split('\n');
    expect(lines.at(-2)).toBe(`\x1b[2m${hint}\x1b[22m`);
    expect(lines.at(-1)).toContain('v hear');
    const narrow = renderReview(session(sentence, 'zh-en'), { columns: 30, rows: 24, color: false, hint }).split('\n');
    expect(narrow.filter((l) => l.startsWith('no speech'))).toHaveLength(1);
    expect(narrow.every((l) => stringWidth(l) <= 30)).toBe(true);
  });
});
