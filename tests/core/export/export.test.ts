import { describe, expect, it } from 'vitest';
import { DECK_FORMAT, type Deck } from '../../../src/core/deck/note.js';
import type { JournalEntry } from '../../../src/core/srs/card-state.js';
import { ankiTsv } from '../../../src/core/export/anki.js';
import { exportDeck, parseFormat } from '../../../src/core/export/format.js';
import { notesMarkdown } from '../../../src/core/export/markdown.js';
import { notesCsv } from '../../../src/core/export/notes-csv.js';
import { notesJson } from '../../../src/core/export/notes-json.js';
import { reviewsCsv } from '../../../src/core/export/reviews-csv.js';
import { UserError } from '../../../src/core/errors.js';

const deck: Deck = {
  format: DECK_FORMAT,
  name: 'AI\tsafety\nnotes',
  slug: 'ai-safety',
  source: { title: 'On *AI* safety', file: 'ai.txt', sha256: 'x' },
  notes: [
    {
      id: 'v9a2e00000000', kind: 'vocab', zh: '二轨对话', en: 'Track II "Dialogue"', lang: 'zh', pinyin: 'èr guǐ duì huà', pos: 'n.',
      note: 'coined\tin 1982', context: { zh: '他们进行了二轨对话。', en: 'They held a\nTrack II dialogue.' }, cloze: '二轨对话', order: 1,
    },
    { id: 's1f0c00000000', kind: 'sentence', zh: '今天,我们讨论AI安全。', en: 'Today, we discuss "AI safety".', order: 0 },
  ],
};

describe('ankiTsv', () => {
  it('writes Anki\'s file headers, then one note a line in article order with the id first', () => {
    const lines = ankiTsv(deck).split('\n');
    expect(lines[0]).toBe('#separator:tab');
    expect(lines[1]).toBe('#html:false');
    expect(lines[2]).toBe('#notetype:parley');
    expect(lines[3]).toBe('#deck:AI safety notes');
    expect(lines[4]).toBe('#columns:id\tzh\ten\tpinyin\tpos\tnote\tcontext_zh\tcontext_en\tcloze\tcloze_hint\tcloze_term\ttags');
    expect(lines[5]).toBe('#tags column:12');
    expect(lines[6]).toBe('s1f0c00000000\t今天,我们讨论AI安全。\t"Today, we discuss ""AI safety""."\t\t\t\t\t\t\t\t\tparley ai-safety sentence');
    // A field with a tab, a newline or a quote is quoted, quotes doubled; the newline stays inside.
    expect(lines[7]).toBe('v9a2e00000000\t二轨对话\t"Track II ""Dialogue"""\tèr guǐ duì huà\tn.\t"coined\tin 1982"\t他们进行了二轨对话。\t"They held a');
    // The cloze card's fields: the sentence with the term blanked, the gloss as its hint, the term.
    expect(lines[8]).toBe('Track II dialogue."\t他们进行了____。\t"Track II ""Dialogue"""\t二轨对话\tparley ai-safety vocab');
    expect(lines[9]).toBe('');
    expect(lines).toHaveLength(10);
  });
});

describe('notesCsv', () => {
  it('is RFC 4180: CRLF rows, quoted fields with commas, quotes and line breaks', () => {
    const rows = notesCsv(deck).split('\r\n');
    expect(rows[0]).toBe('id,kind,order,zh,en,lang,pos,pinyin,note,context_zh,context_en,cloze');
    expect(rows[1]).toBe('s1f0c00000000,sentence,0,"今天,我们讨论AI安全。","Today, we discuss ""AI safety"".",,,,,,,');
    expect(rows[2]).toBe('v9a2e00000000,vocab,1,二轨对话,"Track II ""Dialogue""",zh,n.,èr guǐ duì huà,coined\tin 1982,他们进行了二轨对话。,"They held a\nTrack II dialogue.",二轨对话');
    expect(rows[3]).toBe('');
  });
});

describe('notesJson and notesMarkdown', () => {
  it('gives scripts the notes in article order', () => {
    const doc = JSON.parse(notesJson(deck));
    expect(doc.notes.map((n: { id: string }) => n.id)).toEqual(['s1f0c00000000', 'v9a2e00000000']);
    expect(doc.slug).toBe('ai-safety');
  });

  it('renders sentences as paragraphs and vocabulary as a list, escaping Markdown', () => {
    const md = notesMarkdown(deck);
    expect(md).toContain('# AI safety notes\n\nSource: On \\*AI\\* safety, ai.txt');
    expect(md).toContain('今天,我们讨论AI安全。  \nToday, we discuss "AI safety".');
    expect(md).toContain('- **二轨对话** (èr guǐ duì huà, n.): Track II "Dialogue" — coined in 1982\n  > 他们进行了**二轨对话**。  \n  > They held a Track II dialogue.');
  });
});

describe('formats', () => {
  it('names the allowed formats when given another', () => {
    expect(() => parseFormat('xlsx')).toThrow(UserError);
    expect(() => parseFormat('xlsx')).toThrow(/unknown export format "xlsx"/);
    expect(exportDeck(deck, parseFormat('anki'))).toBe(ankiTsv(deck));
  });
});

describe('reviewsCsv', () => {
  it('is the FSRS optimizer\'s revlog, without undone grades', () => {
    const base = { deck: 'd', durationMs: 4200, after: { due: '', stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 0, state: 1 as const } };
    const journal: JournalEntry[] = [
      { ...base, type: 'review', id: 'a', at: '2026-03-01T09:00:00.000Z', cardId: 's1:zh-en', rating: 3, before: null },
      { ...base, type: 'review', id: 'b', at: '2026-03-01T09:10:00.000Z', cardId: 's1:zh-en', rating: 1, before: { ...base.after } },
      { type: 'undo', id: 'c', at: '2026-03-01T09:10:05.000Z', deck: 'd', cardId: 's1:zh-en', target: 'b', before: base.after, restored: base.after },
      { ...base, type: 'review', id: 'd', at: '2026-03-01T09:10:09.000Z', cardId: 's1:zh-en', rating: 4, before: { ...base.after, state: 2 } },
    ];
    expect(reviewsCsv(journal).split('\n')).toEqual([
      'card_id,review_time,review_rating,review_state,review_duration',
      's1:zh-en,1772355600000,3,0,4200',
      's1:zh-en,1772356209000,4,2,4200',
      '',
    ]);
  });
});
