/**
 * The Anki note type, deck and options a parley package brings, as Anki 2.1's legacy collection
 * (schema 11) stores them: JSON in the `col` row. Only what Anki requires to read them, plus the
 * few settings that make parley's cards study the same way there.
 */

/** The note type's name and fields: the id first, since Anki keys duplicates on the first field. */
export const APKG_NOTETYPE = 'parley';
export const APKG_FIELDS = [
  'Id', 'Chinese', 'English', 'Pinyin', 'Part of speech', 'Note', 'Context Chinese', 'Context English',
  // Last, so a note type from a package made before cloze cards keeps its fields' places.
  'Cloze', 'Cloze hint', 'Cloze term', 'Cloze answer',
] as const;
/** Sorting the browser by the id would read as noise; by the Chinese it reads as a word list. */
const SORT_FIELD = APKG_FIELDS.indexOf('Chinese');

const details = [
  '{{#Pinyin}}<div class="pinyin">{{Pinyin}}</div>{{/Pinyin}}',
  '{{#Part of speech}}<div class="pos">{{Part of speech}}</div>{{/Part of speech}}',
  '{{#Note}}<div class="note">{{Note}}</div>{{/Note}}',
  '{{#Context Chinese}}<div class="context"><div class="zh">{{Context Chinese}}</div><div class="en">{{Context English}}</div></div>{{/Context Chinese}}',
].join('\n');

/**
 * Chinese → English first: card ordinal 0 is parley's `zh-en` card, 1 its `en-zh` card, 2 its cloze
 * card, which Anki makes only for a note whose Cloze field is filled (the template's front is empty otherwise).
 */
export const APKG_TEMPLATES = [
  {
    name: 'Chinese → English',
    qfmt: '<div class="zh prompt">{{Chinese}}</div>',
    afmt: `{{FrontSide}}\n<hr id="answer">\n<div class="en answer">{{English}}</div>\n${details}`,
  },
  {
    name: 'English → Chinese',
    qfmt: '<div class="en prompt">{{English}}</div>',
    afmt: `{{FrontSide}}\n<hr id="answer">\n<div class="zh answer">{{Chinese}}</div>\n${details}`,
  },
  {
    name: 'Cloze',
    qfmt: '{{#Cloze}}<div class="prompt cloze">{{Cloze}}</div>\n<div class="hint">{{Cloze hint}}</div>{{/Cloze}}',
    afmt: `<div class="prompt cloze">{{Cloze answer}}</div>\n<div class="hint">{{Cloze hint}}</div>\n<hr id="answer">\n<div class="answer">{{Cloze term}}</div>\n${details}`,
  },
] as const;

export const APKG_CSS = `.card {
  font-family: -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  font-size: 22px;
  line-height: 1.5;
  text-align: center;
  color: #1f2328;
  background: #fdfdfc;
  padding: 0 12px;
}
.nightMode.card, .night_mode .card { color: #e6e6e6; background: #1e1e1e; }
.zh { font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif; }
.prompt { font-size: 30px; margin: 16px 0; }
.zh.prompt, .zh.answer { font-size: 34px; }
.answer { font-size: 26px; margin: 12px 0; }
.pinyin { color: #0b6e4f; font-size: 22px; margin: 6px 0; }
.pos { color: #6e7781; font-size: 16px; font-style: italic; }
.note { color: #57606a; font-size: 17px; margin-top: 8px; }
.context { margin: 18px auto 0; max-width: 34em; padding: 10px 14px; border-left: 3px solid #d0d7de; text-align: left; font-size: 18px; }
.context .en { color: #6e7781; margin-top: 4px; }
.cloze { font-size: 24px; }
.hint { color: #6e7781; font-size: 18px; }
.term { color: #0a58ca; }
.nightMode .pinyin, .night_mode .pinyin { color: #6fd3a8; }
.nightMode .term, .night_mode .term { color: #79b8ff; }
.nightMode .context, .night_mode .context { border-color: #444c56; }
`;

export interface CollectionIds {
  notetype: number;
  deck: number;
  /** Seconds: when the collection was "created"; review due dates count days from it. */
  crt: number;
  /** Seconds: the modification time stamped on everything. */
  mod: number;
}

export function notetypeJson(ids: CollectionIds): object {
  return {
    id: ids.notetype,
    name: APKG_NOTETYPE,
    type: 0,
    mod: ids.mod,
    usn: 0,
    sortf: SORT_FIELD,
    did: ids.deck,
    tmpls: APKG_TEMPLATES.map((t, ord) => ({ name: t.name, ord, qfmt: t.qfmt, afmt: t.afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 })),
    flds: APKG_FIELDS.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    css: APKG_CSS,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    // Which fields each card needs (Anki before 2.1.28 reads this to generate cards).
    req: [[0, 'any', [APKG_FIELDS.indexOf('Chinese')]], [1, 'any', [APKG_FIELDS.indexOf('English')]], [2, 'any', [APKG_FIELDS.indexOf('Cloze')]]],
    tags: [],
    vers: [],
  };
}

const today = [0, 0];

function deckJson(id: number, name: string, mod: number): object {
  return {
    id, name, mod, usn: 0, desc: '', dyn: 0, conf: 1, collapsed: false, browserCollapsed: false,
    extendNew: 0, extendRev: 0, newToday: today, revToday: today, lrnToday: today, timeToday: today,
  };
}

/** Anki's "Default" deck is in every collection; the package's cards go in a deck of their own. */
export function decksJson(ids: CollectionIds, name: string): object {
  return { 1: deckJson(1, 'Default', ids.mod), [ids.deck]: deckJson(ids.deck, name, ids.mod) };
}

/**
 * The options preset: parley's FSRS steps (1m 10m, relearning 10m), its desired retention, and
 * a leech at 8 lapses, suspended, as parley does.
 */
export function deckConfigJson(mod: number, desiredRetention: number): object {
  return {
    1: {
      id: 1, mod, name: 'Default', usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
      new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
      lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
      desiredRetention,
    },
  };
}

/** The collection's own settings: the v2 scheduler (what Anki's FSRS builds on), notes added to the package's deck. */
export function collectionConfJson(ids: CollectionIds, nextPos: number): object {
  return {
    activeDecks: [1], curDeck: ids.deck, newSpread: 0, collapseTime: 1200, timeLim: 0, estTimes: true, dueCounts: true,
    curModel: ids.notetype, nextPos, sortType: 'noteFld', sortBackwards: false, addToCur: true, schedVer: 2,
  };
}
