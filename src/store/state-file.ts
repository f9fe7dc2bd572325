import { readFileSync } from 'node:fs';
import { OUTLINE_RULES, type DeckOutline } from '../core/deck/outline.js';
import type { CardState } from '../core/srs/card-state.js';
import { jsonErrorLine } from '../core/json-error.js';
import { isDevice } from './device.js';
import { isInstant } from './journal-entry.js';
import { type ConfClass, unusable, writeConf } from './conf-file.js';
import type { HomeLayout } from './home.js';
import type { JournalMark } from './journal.js';
import type { Stamp } from './stamp.js';

/** Where a device's journal is read up to, and the latest time of its entries up to there (ms). */
export interface DeviceMark extends JournalMark {
  at: number;
}

/** A deck's outline, with what it needs of its file: the stamp it was made from and where each note lies. */
export interface FiledOutline extends DeckOutline {
  stamp: Stamp;
  /**
   * Byte offsets [start, end, …] of the notes, in article order, in the deck file, as base-36
   * differences from the one before (see encodeSpans); absent when the file is not shaped so.
   * Decoded only by the command that reads notes alone.
   */
  spans?: string;
}

/**
 * Everything parley knows of a home besides the text of its notes, derived from the journal (the
 * card states, as of `journal`) and from the deck files (their outlines, as of their stamps). It is
 * only ever rebuilt from those, never the truth of anything.
 */
export interface HomeState {
  /** Per device, how far its journal is replayed here, and the time its clock had reached there. */
  journals: Map<string, DeviceMark>;
  outlines: Map<string, FiledOutline>;
  cards: Map<string, Map<string, CardState>>;
}

const FORMAT = 'parley-state/2';
/** Before devices: one journal, now this device's (its bytes moved unchanged, so the place holds). */
const FORMAT_1 = 'parley-state/1';
/** The device name a parley-state/1 journal place is filed under until the store knows its own. */
export const LEGACY_DEVICE = '';

/** A card state field by field: one column each, `null` where a card has none. */
const FIELDS = [
  'due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state',
  'last_review', 'suspended', 'buriedUntil', 'tags',
] as const satisfies readonly (keyof CardState)[];

/** The fields a card state may lack (journals of older releases, flags not set). */
const OPTIONAL = ['elapsed_days', 'scheduled_days', 'learning_steps', 'last_review', 'suspended', 'buriedUntil', 'tags'] as const;

type Column = (CardState[keyof CardState] | null)[];
type CardColumns = { id: string[] } & Record<(typeof FIELDS)[number], Column>;

interface FiledDeck {
  name: string;
  stamp: [size: number, mtimeMs: number];
  ids: string;
  kinds: string;
  pairs: number[];
  spans?: string;
}

/** The file: columns rather than an object per card, so reading it wakes no garbage collector. */
interface Filed {
  format: typeof FORMAT | typeof FORMAT_1;
  journals?: Record<string, DeviceMark>;
  /** parley-state/1 */
  journal?: JournalMark;
  /** OUTLINE_RULES when the outlines were made; absent before there were versions of them. */
  outlineRules?: number;
  decks: Record<string, FiledDeck>;
  cards: Record<string, CardColumns>;
}

export type StateRead = { state: HomeState } | { missing: true } | { damaged: string };

/** Reads the state file without loading conf; says what is wrong with a damaged one rather than throwing. */
export function readState(paths: HomeLayout): StateRead {
  let text: string;
  try {
    text = readFileSync(paths.stateFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    throw unusable(paths.stateFile, error) ?? error;
  }
  let filed: Filed;
  try {
    filed = JSON.parse(text) as Filed;
  } catch (error) {
    return { damaged: `is not valid JSON (line ${jsonErrorLine(error, text)})` };
  }
  try {
    return { state: decode(filed) };
  } catch (error) {
    return { damaged: (error as Error).message };
  }
}

/** Writes the state through conf, compactly: one line, no indentation. */
export function writeState(Conf: ConfClass, paths: HomeLayout, state: HomeState): void {
  writeConf(Conf, paths.stateFile, {
    cwd: paths.root,
    configName: 'state',
    fileExtension: 'json',
    serialize: (value) => JSON.stringify(value),
    deserialize: (text) => JSON.parse(text) as Record<string, unknown>,
    // The file is rebuilt from the journal and the deck files, so whatever was there may go.
    clearInvalidConfig: true,
    accessPropertiesByDotNotation: false,
  }, encode(state) as unknown as Record<string, unknown>);
}

function encode(state: HomeState): Filed {
  const decks: Record<string, FiledDeck> = {};
  for (const [slug, o] of state.outlines) {
    decks[slug] = {
      name: o.name,
      stamp: [o.stamp.size, o.stamp.mtimeMs],
      ids: o.ids.join('\n'),
      kinds: o.kinds,
      pairs: [...o.pairs],
      ...(o.spans ? { spans: o.spans } : {}),
    };
  }
  const cards: Record<string, CardColumns> = {};
  for (const [slug, states] of state.cards) {
    if (states.size === 0) continue;
    const columns = { id: [...states.keys()] } as CardColumns;
    for (const field of FIELDS) columns[field] = [...states.values()].map((s) => s[field] ?? null);
    cards[slug] = columns;
  }
  return { format: FORMAT, journals: Object.fromEntries(state.journals), outlineRules: OUTLINE_RULES, decks, cards };
}

function decode(filed: Filed): HomeState {
  const fail = (what: string): never => { throw new Error(what); };
  if (filed?.format !== FORMAT && filed?.format !== FORMAT_1) fail(`is not a ${FORMAT} file`);
  const marks = filed.format === FORMAT_1 ? { [LEGACY_DEVICE]: { ...filed.journal!, at: 0 } } : filed.journals ?? fail('has no journal positions');
  const journals = new Map<string, DeviceMark>();
  for (const [device, { offset, line, at }] of Object.entries(marks)) {
    if (!(isDevice(device) || device === LEGACY_DEVICE) || !Number.isInteger(offset) || offset < 0 || !Number.isInteger(line) || line < 1 || !Number.isFinite(at)) fail('has a damaged journal position');
    journals.set(device, { offset, line, at });
  }
  const outlines = new Map<string, FiledOutline>();
  for (const [slug, d] of Object.entries(filed.decks ?? fail('has no decks'))) {
    const ids = d.ids === '' ? [] : String(d.ids).split('\n');
    const { name, kinds, pairs, stamp } = d;
    const ok = typeof name === 'string' && typeof kinds === 'string' && kinds.length === ids.length && Array.isArray(stamp) && Array.isArray(pairs) &&
      pairs.length % 2 === 0 && pairs.every((n) => Number.isInteger(n) && n >= 0 && n < ids.length);
    if (!ok) fail(`has a damaged outline of deck ${slug}`);
    // Outlines made by other rules are dropped after checking: each is made anew from its deck file when next wanted.
    if (filed.outlineRules === OUTLINE_RULES) outlines.set(slug, { name, ids, kinds, pairs, stamp: { size: stamp[0], mtimeMs: stamp[1] }, ...(typeof d.spans === 'string' ? { spans: d.spans } : {}) });
  }
  const cards = new Map<string, Map<string, CardState>>();
  for (const [slug, columns] of Object.entries(filed.cards ?? fail('has no cards'))) {
    const ids = columns.id;
    const fits = Array.isArray(ids) && ids.every((id) => typeof id === 'string') &&
      FIELDS.every((f) => Array.isArray(columns[f]) && columns[f].length === ids.length && columns[f].every(COLUMN_CHECKS[f]));
    if (!fits) fail(`has damaged card columns of deck ${slug}`);
    const states = new Map<string, CardState>();
    const c = columns as unknown as Record<(typeof FIELDS)[number], unknown[]>;
    for (let i = 0; i < ids.length; i++) {
      // The required fields in one literal, then each optional one that is there: a cold start
      // builds thousands of these, and deleting a field would turn each into a slow dictionary.
      const state = {
        due: c.due[i], stability: c.stability[i], difficulty: c.difficulty[i], reps: c.reps[i], lapses: c.lapses[i], state: c.state[i],
      } as Record<string, unknown>;
      for (const field of OPTIONAL) if (c[field][i] !== null) state[field] = c[field][i];
      states.set(ids[i]!, state as unknown as CardState);
    }
    cards.set(slug, states);
  }
  return { journals, outlines, cards };
}

const number = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const text = (v: unknown) => typeof v === 'string';
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);

/** What each column may hold: a file truncated, garbled or edited by hand is caught and rebuilt. */
const COLUMN_CHECKS: Record<(typeof FIELDS)[number], (v: unknown) => boolean> = {
  due: isInstant, stability: number, difficulty: number, elapsed_days: optional(number), scheduled_days: optional(number),
  learning_steps: optional(number), reps: count, lapses: count, state: (v) => v === 0 || v === 1 || v === 2 || v === 3,
  last_review: optional(isInstant), suspended: optional((v) => typeof v === 'boolean'), buriedUntil: optional(isInstant),
  tags: optional((v) => Array.isArray(v) && v.every(text)),
};

export function encodeSpans(offsets: readonly number[]): string {
  return offsets.map((offset, i) => (offset - (offsets[i - 1] ?? 0)).toString(36)).join(',');
}

export function decodeSpans(spans: string, notes: number): number[] | undefined {
  let at = 0;
  const offsets = spans.split(',').map((delta) => (at += parseInt(delta, 36)));
  return offsets.length === notes * 2 && offsets.every(Number.isFinite) ? offsets : undefined;
}
