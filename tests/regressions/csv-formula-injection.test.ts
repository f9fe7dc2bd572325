// Attack: a note whose text begins `=HYPERLINK("http://…","…")` (or `+`, `-`, `@`, a tab or a carriage
// return) was written into `parley export --format csv` as is — quoted at most, which does not stop a
// spreadsheet: opening the file evaluates the formula. Fix (OWASP's rule): every text cell beginning
// with one of = + - @ tab CR gets a leading `'`, which spreadsheets read as "this is text". Cells
// parley writes from numbers (a note's order; the review log's times, ratings, states, durations)
// stay numbers, so the FSRS optimizer still reads the review CSV. The Anki TSV is read by Anki, which
// evaluates nothing: it is left as is (see the README's Anki section).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECK_FORMAT, type Deck, type Note } from '../../src/core/deck/note.js';
import { delimitedRow, spreadsheetText } from '../../src/core/export/delimited.js';
import { notesCsv } from '../../src/core/export/notes-csv.js';
import { reviewsCsv } from '../../src/core/export/reviews-csv.js';
import type { JournalEntry } from '../../src/core/srs/card-state.js';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold the separator, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), i++;
        else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i) || text[i] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += text[i] === '\r' ? 2 : 1;
    } else {
      field += text[i++];
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const FORMULAS = ['=HYPERLINK("http://x","y")', '+1', '-cmd', '@SUM(A1:A2)', '\tx', '\r=1+1'];
const dangerous = (text: string) => /^[=+\-@\t\r]/.test(text);

function note(i: number, zh: string, en: string): Note {
  return { id: `s${String(i).padStart(12, '0')}`, kind: 'sentence', zh, en, order: i, note: en, context: { zh, en } };
}

const deck: Deck = {
  format: DECK_FORMAT,
  name: 'formulas',
  slug: 'formulas',
  source: { sha256: 'x' },
  notes: FORMULAS.map((f, i) => note(i, f, f)),
};

describe('notes CSV', () => {
  it('puts a leading quote mark before every text cell a spreadsheet would take for a formula', () => {
    const [header, ...rows] = parseCsv(notesCsv(deck));
    const at = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(FORMULAS.length);
    FORMULAS.forEach((formula, i) => {
      const row = rows[i]!;
      for (const column of ['zh', 'en', 'note', 'context_zh', 'context_en']) expect(row[at(column)]).toBe(`'${formula}`);
      expect(row[at('order')]).toBe(String(i));
    });
  });

  it('leaves ordinary text alone, including a dash or equals sign that is not first', () => {
    const plain = note(0, '价格上涨了5%-10%。', 'Prices rose 5%-10% = a lot.');
    const [, row] = parseCsv(notesCsv({ ...deck, notes: [plain] }));
    expect(row).toContain('价格上涨了5%-10%。');
    expect(row).toContain('Prices rose 5%-10% = a lot.');
  });

  it('through the CLI: `parley export --format csv` writes no live formula', async () => {
    const home = tempHome();
    mkdirSync(join(home, 'decks'));
    writeFileSync(join(home, 'decks', 'formulas.json'), `${JSON.stringify(deck, null, 2)}\n`);
    const result = await parleyIn(['export', 'formulas', '--format', 'csv'], { home });
    expect(result.code).toBe(0);
    const cells = parseCsv(result.stdout).slice(1).flat();
    expect(cells.filter(dangerous)).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://x","y")`);
  });
});

describe('review CSV', () => {
  it('neutralises a card id that would be a formula, and keeps negative numbers numeric', () => {
    const after = { due: '', stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 0, state: 1 as const };
    const journal: JournalEntry[] = [
      { type: 'review', id: 'a', at: '1969-12-31T00:00:00.000Z', deck: 'd', cardId: '=cmd|calc:zh-en', rating: 3, durationMs: 4200, before: null, after },
    ];
    const [, row] = parseCsv(reviewsCsv(journal));
    expect(row).toEqual(["'=cmd|calc:zh-en", '-86400000', '3', '0', '4200']);
  });
});

describe('round trip', () => {
  it('a spreadsheet reads back every field, with a quote mark added exactly when it began with a formula character', () => {
    const start = fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', "'", '"', ',', '\n', ' ', '中');
    const field = fc.tuple(start, fc.string({ unit: fc.constantFrom('a', '=', '"', ',', '\r', '\n', '\t', '-', "'", '中', ' ') })).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const text = rows.map((r) => `${delimitedRow(r.map(spreadsheetText), ',')}\r\n`).join('');
        const parsed = parseCsv(text);
        expect(parsed).toEqual(rows.map((r) => r.map((f) => (dangerous(f) ? `'${f}` : f))));
      }),
      { numRuns: 500 },
    );
  });
});
