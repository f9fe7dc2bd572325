// Attack (issue 10, item 10): journal lines of the right shape with the wrong content — `after:"x"`,
// no `after`, `due:"garbage"`, numbers written as strings, a line `null`, an unknown type — passed
// the journal's "looks like an entry" test. `show`, `stats` and `review` then crashed (exit 70) or
// printed due dates as NaN-NaN-NaN; the tail reader `review` uses for today's counts crashed on
// `null` even where the full load never looked.
// Fix: every line is validated as it is read (each entry type, every card-state field, ISO dates),
// by the full reader and the tail reader alike, and refused in one line naming the journal's `file:N`,
// exit 1, with no file changed.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readJournal, readJournalSince } from '../../src/store/journal.js';
import { tempHome } from '../helpers/cli.js';
import { makeHome } from '../helpers/home-fixture.js';
import { parleyIn, type InProcessResult } from '../helpers/in-process.js';
import { journalOf } from '../helpers/journal.js';
import { runInTerminal, type Terminal } from '../helpers/pty.js';

const NOW = '2026-11-29T10:00:00.000Z';

type Entry = Record<string, unknown> & { after: Record<string, unknown> };

/** Bad lines, each made from a real entry of the home so that only the named field is wrong. */
const BAD: Array<[string, (e: Entry) => unknown]> = [
  ['after is a string', (e) => ({ ...e, after: 'x' })],
  ['after is missing', ({ after: _, ...e }) => e],
  ['due is garbage', (e) => ({ ...e, after: { ...e.after, due: 'garbage' } })],
  ['stability is a string', (e) => ({ ...e, after: { ...e.after, stability: '5' } })],
  ['reps is "NaN"', (e) => ({ ...e, after: { ...e.after, reps: 'NaN' } })],
  ['rating is out of range', (e) => ({ ...e, rating: 7 })],
  ['at is not a date', (e) => ({ ...e, at: 'yesterday' })],
  ['the type is unknown', (e) => ({ ...e, type: 'teleport' })],
  ['the line is null', () => null],
  ['the deck is a path', (e) => ({ ...e, deck: '../../x' })],
  ['a rename into itself', (e) => ({ type: 'rename', id: e.id, at: e.at, deck: 'deck-0', from: 'deck-0', cards: {} })],
  ['a rename carrying a bad state', (e) => ({ type: 'rename', id: e.id, at: e.at, deck: 'deck-9', from: 'deck-0', cards: { x: { ...e.after, due: 'soon' } } })],
];

async function homeWithHistory(): Promise<{ home: string; journal: string; template: Entry; lines: number; noteId: string }> {
  const home = tempHome();
  await makeHome(home, { decks: 1, notesPerDeck: 20, reviewed: 10, now: new Date(NOW) });
  const journal = journalOf(home);
  const text = readFileSync(journal, 'utf8').trim().split('\n');
  const template = { ...JSON.parse(text.at(-1)!), id: 'bad-1', at: NOW } as Entry;
  const noteId = JSON.parse(readFileSync(join(home, 'decks', 'deck-0.json'), 'utf8')).notes[15].id as string;
  return { home, journal, template, lines: text.length, noteId };
}

/** The exit code; a session that started instead of refusing is quit after a few seconds. */
async function exitOf(term: Terminal): Promise<number> {
  const quit = setTimeout(() => term.type('q'), 8000);
  const code = await term.exited;
  clearTimeout(quit);
  return code;
}

function expectRefusal(result: InProcessResult, where: string, label: string): void {
  expect(result.code, `${label}: ${result.stderr}`).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines, label).toHaveLength(1);
  expect(lines[0], label).toContain(where);
  expect(lines[0], label).toMatch(/^parley: .* — /);
  expect(result.stderr, label).not.toMatch(/NaN|\n\s+at /);
}

describe('journal lines with bad content are refused with file:line', () => {
  it('show, stats, decks and suspend each refuse every bad line in one line and change nothing', async () => {
    const { home, journal, template, lines, noteId } = await homeWithHistory();
    const original = readFileSync(journal);
    for (const [label, bad] of BAD) {
      writeFileSync(journal, Buffer.concat([original, Buffer.from(`${JSON.stringify(bad(template))}\n`)]));
      const before = readFileSync(journal);
      for (const args of [['show', 'deck-0'], ['stats', '--json'], ['decks', '--json'], ['suspend', noteId]]) {
        const result = await parleyIn(args, { home, env: { PARLEY_NOW: NOW } });
        expectRefusal(result, `${journal}:${lines + 1}:`, `${label}: parley ${args.join(' ')}`);
        expect(result.stdout, label).not.toMatch(/NaN/);
      }
      expect(readFileSync(journal).equals(before), label).toBe(true);
    }
  }, 120_000);

  it('review refuses a bad line in one line, exit 1', async () => {
    const { home, journal, template, lines } = await homeWithHistory();
    appendFileSync(journal, `${JSON.stringify({ ...template, after: { ...template.after, due: 'garbage' } })}\n`);
    const term = runInTerminal(['review'], { PARLEY_HOME: home, PARLEY_NOW: NOW, NO_COLOR: '1', TZ: 'UTC' });
    expect(await exitOf(term)).toBe(1);
    const said = term.output().split('\n').filter((l) => l.startsWith('parley:'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`${journal}:${lines + 1}:`);
  });

  it('the tail reader review counts today with refuses a null line behind the state file instead of crashing', async () => {
    const { home, journal, lines } = await homeWithHistory();
    // The bad line sits before the state file's place in the journal, where only the tail reader looks.
    appendFileSync(journal, 'null\n');
    const file = join(home, 'state.json');
    const filed = JSON.parse(readFileSync(file, 'utf8'));
    const device = basename(journal, '.jsonl');
    filed.journals[device] = { ...filed.journals[device], offset: readFileSync(journal).length, line: lines + 2 };
    writeFileSync(file, JSON.stringify(filed));

    expect(() => readJournalSince(journal, new Date('2026-11-29T00:00:00Z'))).toThrow(UserError);
    expect(() => readJournalSince(journal, new Date('2026-11-29T00:00:00Z'))).toThrow(`${journal}:${lines + 1}:`);
    const term = runInTerminal(['review'], { PARLEY_HOME: home, PARLEY_NOW: NOW, NO_COLOR: '1', TZ: 'UTC' });
    expect(await exitOf(term)).toBe(1);
    expect(term.output()).toContain(`${journal}:${lines + 1}:`);
    expect(term.output()).not.toMatch(/unexpected error|\n\s+at /);
  });

  it('the tail reader names the right line deep in a journal of many chunks, and skips only a torn last line', async () => {
    const { journal, template } = await homeWithHistory();
    const line = (i: number, extra: object = {}) => `${JSON.stringify({ ...template, id: `e${i}`, ...extra })}\n`;
    const text = Array.from({ length: 1500 }, (_, i) => line(i, i === 1199 ? { after: { ...template.after, lapses: -1 } } : {})).join('');
    writeFileSync(journal, `${text}{"type":"review","id":"cut`);
    expect(() => readJournalSince(journal, new Date('2026-11-28T00:00:00Z'))).toThrow(`${journal}:1200: not a review journal entry (\`after.lapses\``);
    writeFileSync(journal, `${text.replace(/"lapses":-1/, '"lapses":0')}{"type":"review","id":"cut`);
    expect(readJournalSince(journal, new Date('2026-11-28T00:00:00Z'))).toHaveLength(1500);
  });

  it('still drops (not refuses) an unterminated last line that is not JSON: a write cut short', () => {
    const dir = tempHome();
    const journal = join(dir, 'journal.jsonl');
    writeFileSync(journal, '{"type":"rev');
    expect(readJournal(journal).tornBytes).toBe(12);
    expect(readJournalSince(journal, new Date(NOW))).toEqual([]);
  });
});
