import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Note } from '../../src/core/deck/note.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { buildQueue, cardsOfDeck } from '../../src/core/srs/queue.js';
import { makeScheduler } from '../../src/core/srs/scheduler.js';
import { startSession, step } from '../../src/core/srs/session.js';
import { SEQUENCES, terminalSafe, visible } from '../../src/ui/escape.js';
import { renderReview } from '../../src/ui/review/render.js';
import { renderTable } from '../../src/ui/table.js';
import { makeTheme } from '../../src/ui/theme.js';

/** Anything a terminal obeys rather than shows: C0 but tab and newline, DEL, C1, bidi controls. */
const OBEYED = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const SGR = /\x1b\[[0-9;]*m/g;
const SCREEN = /\x1b\[[0-9;]*m|\x1b\[(?:H|K|J|\?1049[hl]|\?25[hl])|\r/g;

const HOSTILE = [
  '\x1b]52;c;cGF5bG9hZA==\x07', '\x1b]8;;https://x.example/\x1b\\link\x1b]8;;\x1b\\', '\x1b[2J', '\x1bP1$qm\x1b\\',
  '\x9b31m', '\u202e', '\u2066', '\x07', '\x08', '\r', '\x1b[31m', '\x1b[H', '\x1b[?1049l', '\x00', '\x7f', '\x85',
];

/** Strings that mix ordinary text with every kind of control sequence. */
const hostile = fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE), fc.constantFrom('春天', 'spring', ' ', '\n', '\t')), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('terminalSafe', () => {
  test.each(HOSTILE)('%j with nothing allowed is shown, not obeyed', (payload) => {
    const out = terminalSafe(`a${payload}b`, SEQUENCES.none);
    expect(out).not.toMatch(OBEYED);
    expect(out.startsWith('a') && out.endsWith('b')).toBe(true);
  });

  test('the visible form is \\uXXXX, which JSON reads back as the same character', () => {
    expect(visible('a\x1b[2Jb\u202e')).toBe('a\\u001b[2Jb\\u202e');
    const json = JSON.stringify({ name: `茶\u202e\x9b馆` });
    expect(JSON.parse(terminalSafe(json, SEQUENCES.none))).toEqual({ name: `茶\u202e\x9b馆` });
  });

  test('styled lets colour through and nothing else; screen adds only its own moves', () => {
    expect(terminalSafe('\x1b[1mbold\x1b[22m\x1b[2J', SEQUENCES.styled)).toBe('\x1b[1mbold\x1b[22m\\u001b[2J');
    expect(terminalSafe('\x1b[H\x1b[K\r\n\x1b[J\x1b[?1049h\x1b[?25l', SEQUENCES.screen)).toBe('\x1b[H\x1b[K\r\n\x1b[J\x1b[?1049h\x1b[?25l');
    expect(terminalSafe('\x1b[2J\x1b[5;5H\x1b]0;title\x07', SEQUENCES.screen)).not.toMatch(OBEYED);
  });

  test('property: with nothing allowed, no string keeps a control character', () => {
    fc.assert(fc.property(hostile, (text) => !OBEYED.test(terminalSafe(text, SEQUENCES.none))));
  });

  test('property: allowing colour or the screen lets through exactly those sequences and nothing else', () => {
    fc.assert(fc.property(hostile, (text) => {
      expect(terminalSafe(text, SEQUENCES.styled).replace(SGR, '')).not.toMatch(OBEYED);
      expect(terminalSafe(text, SEQUENCES.screen).replace(SCREEN, '')).not.toMatch(OBEYED);
    }));
  });
});

describe('the data path: text from a deck through the renderers and the writer', () => {
  const now = new Date('2025-05-10T10:00:00Z');

  function screenFor(text: string, color: boolean, typed: string): string {
    const note: Note = { id: 'n1', kind: 'vocab', order: 1, lang: 'zh', zh: `春${text}`, en: `spring${text}`, note: text, pos: text, context: { zh: text, en: text } };
    const queue = buildQueue([cardsOfDeck({ slug: 'd', name: `deck${text}`, notes: [note] }, new Map())], [], DEFAULT_SETTINGS, { direction: 'zh-en' }, now);
    const state = startSession(queue, { scheduler: makeScheduler(DEFAULT_SETTINGS), idGen: () => 'x', dayStartsAt: 4, typeAnswers: true }, { pinyin: true }, now);
    const question = renderReview(state, { columns: 60, rows: 30, color, typed, pinyin: () => text });
    const answer = renderReview(step(state, { type: 'typed-answer', text: typed }, now).state, { columns: 60, rows: 30, color, pinyin: () => text });
    return `${question}\n${answer}`;
  }

  test('property: no colour, the review screen holds no control character but newlines, before the writer', () => {
    fc.assert(fc.property(hostile, hostile, (text, typed) => !OBEYED.test(screenFor(text, false, typed))), { numRuns: 60 });
  });

  test('property: with colour, every sequence on the review screen is the theme\'s, before and after the writer', () => {
    fc.assert(fc.property(hostile, hostile, (text, typed) => {
      const screen = screenFor(text, true, typed);
      expect(screen.replace(SGR, '')).not.toMatch(OBEYED);
      expect(terminalSafe(screen, SEQUENCES.screen)).toBe(screen);
    }), { numRuns: 60 });
  });

  test('property: a table of deck names shows them, never obeys them', () => {
    const theme = makeTheme(true);
    fc.assert(fc.property(hostile, (name) => {
      const table = renderTable([theme.heading('Deck')], [[visible(name)]], { align: ['left'], maxWidth: 40 });
      expect(table.replace(SGR, '')).not.toMatch(OBEYED);
    }));
  });
});
