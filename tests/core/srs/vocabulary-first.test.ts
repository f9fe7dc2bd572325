// Issue 15, item 3: a new user imported an article whose vocabulary notes come last and saw no
// vocabulary card in the first two days, since each was held back while its sentences showed. Here a
// made-up article of that shape is studied for two days, every card graded Good, with the default
// settings (20 new cards a day, both directions).
import { describe, expect, test } from 'vitest';
import type { CardEntry, CardState, JournalEntry } from '../../../src/core/srs/card-state.js';
import { buildQueue } from '../../../src/core/srs/queue.js';
import { makeScheduler } from '../../../src/core/srs/scheduler.js';
import { startSession, step, type SessionState } from '../../../src/core/srs/session.js';
import { usesTerm } from '../../../src/core/srs/siblings.js';
import { applyEntry } from '../../helpers/recorded-state.js';
import { counter, deck, sentence, settings, vocab } from './fixtures.js';

const SENTENCES: [string, string][] = [
  ['每天早上七点,第一班渡轮从小岛出发。', 'Every morning at seven, the first ferry leaves the island.'],
  ['船上坐满了去城里上班的人。', 'It is full of people going to work in the city.'],
  ['船长老陈在这条航线上已经开了十五年船。', 'Captain Chen has sailed this route for fifteen years.'],
  ['他认得每一位乘客。', 'He knows every passenger.'],
  ['遇到大雾的时候,渡轮会推迟出发。', 'When there is thick fog, the ferry is delayed.'],
  ['大家就在码头上喝茶聊天。', 'Everyone drinks tea and chats on the pier.'],
  ['码头旁边有一家小面馆。', 'There is a small noodle shop beside the pier.'],
  ['面馆的老板娘总是给乘客留一个座位。', 'The owner of the noodle shop always keeps a seat for the passengers.'],
  ['下午五点,渡轮载着下班的人回到岛上。', 'At five in the afternoon, the ferry brings the workers back to the island.'],
  ['孩子们在码头上等着父母。', 'Children wait for their parents on the pier.'],
];
const notes = [
  ...SENTENCES.map(([zh, en], i) => sentence(`s${i}`, zh, en, i)),
  // The vocabulary notes, last in the article as its glossary is.
  vocab('v0', '渡轮', 'ferry', 10, { lang: 'zh' }),
  vocab('v1', '码头', 'pier', 11, { lang: 'zh' }),
  vocab('v2', '乘客', 'passenger', 12, { lang: 'zh' }),
];
const byId = new Map(notes.map((n) => [n.id, n]));

/** One day's session from `at`, every card revealed and graded Good half a minute apart; the cards shown, in order. */
function studyDay(states: Map<string, CardState>, journal: JournalEntry[], at: Date): string[] {
  const scheduler = makeScheduler(settings);
  const queue = buildQueue([deck(notes, Object.fromEntries(states))], journal, settings, { direction: settings.direction }, at);
  let now = at;
  let state: SessionState = startSession(queue, { scheduler, idGen: counter(`d${at.getDate()}-`), dayStartsAt: 4, typeAnswers: false }, { pinyin: false }, now);
  const shown: string[] = [];
  while (!state.finished) {
    shown.push(state.showing!.card.cardId);
    for (const event of [{ type: 'show-answer' }, { type: 'grade', grade: 3 }] as const) {
      now = new Date(now.getTime() + 30_000);
      const result = step(state, event, now);
      for (const effect of result.effects) {
        if (effect.type !== 'append') continue;
        for (const entry of effect.entries as CardEntry[]) {
          applyEntry(states, entry);
          journal.push(entry);
        }
      }
      state = result.state;
    }
  }
  return shown;
}

const noteOf = (card: string) => byId.get(card.slice(0, card.lastIndexOf(':')))!;

describe('an article whose vocabulary comes last', () => {
  const states = new Map<string, CardState>();
  const journal: JournalEntry[] = [];
  const day1 = studyDay(states, journal, new Date('2025-05-10T10:00:00Z'));
  const day2 = studyDay(states, journal, new Date('2025-05-11T10:00:00Z'));

  test('day one shows each vocabulary card before the first sentence that uses its term', () => {
    const first = (note: string) => day1.findIndex((card) => noteOf(card).id === note);
    for (const v of ['v0', 'v1', 'v2']) {
      const users = notes.filter((s) => usesTerm(byId.get(v)!, s)).map((s) => first(s.id));
      expect(users.length).toBeGreaterThan(0);
      expect(first(v)).toBeGreaterThanOrEqual(0);
      expect(users.every((at) => at > first(v))).toBe(true);
    }
    // The vocabulary takes new slots of its own: all thirteen notes are introduced on day one.
    expect(new Set(day1.map((card) => noteOf(card).id)).size).toBe(13);
    expect(day1.slice(0, 3)).toEqual(['v0:zh-en', 's0:zh-en', 's1:zh-en']);
  });

  /** Whether every vocabulary note first shows on `day` before any sentence that uses its term shows that day. */
  const vocabularyFirst = (day: string[]) => {
    const first = new Map<string, number>();
    day.forEach((card, i) => first.has(noteOf(card).id) || first.set(noteOf(card).id, i));
    return [...first].every(([id, at]) => byId.get(id)!.kind === 'sentence' || ![...first].some(([s, sAt]) => sAt < at && usesTerm(byId.get(id)!, byId.get(s)!)));
  };

  test('no vocabulary card comes after a sentence using it, on either day', () => {
    expect(vocabularyFirst(day1)).toBe(true);
    expect(vocabularyFirst(day2)).toBe(true);
  });

  test('day two brings the other directions, each vocabulary card again before its sentences', () => {
    expect(day2.slice(0, 3)).toEqual(['v0:en-zh', 's0:en-zh', 's1:en-zh']);
    expect(new Set(day2.filter((card) => card.endsWith(':en-zh')))).toEqual(new Set(notes.map((n) => `${n.id}:en-zh`)));
  });
});
