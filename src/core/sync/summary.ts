import { plural } from '../text/plural.js';
import { besidePath, type MergeOutcome } from './merge.js';

/** What one side has that the other lacks, as a user counts it. */
export interface Movement {
  /** Journal lines: reviews, undos, suspensions, buries and renames, each a line of a device's history. */
  entries: number;
  decksAdded: number;
  decksChanged: number;
  decksRemoved: number;
  /** Words a learner said they know (`parley known`). */
  knownWords: number;
  settings: boolean;
}

export const NOTHING: Readonly<Movement> = { entries: 0, decksAdded: 0, decksChanged: 0, decksRemoved: 0, knownWords: 0, settings: false };

export function describeMovement(m: Movement): string {
  const parts = [
    m.entries && plural(m.entries, 'history entry', 'history entries'),
    m.decksAdded && plural(m.decksAdded, 'new deck'),
    m.decksChanged && plural(m.decksChanged, 'changed deck'),
    m.decksRemoved && plural(m.decksRemoved, 'removed deck'),
    m.knownWords && plural(m.knownWords, 'known word'),
    m.settings && 'settings',
  ].filter((p): p is string => typeof p === 'string');
  return parts.length ? parts.join(', ') : 'nothing';
}

const moved = (m: Movement) => describeMovement(m) !== 'nothing';

/** The one line a sync ends with: what came in and what went out. */
export function syncSummary(remote: string, received: Movement, sent: Movement): string {
  if (!moved(received) && !moved(sent)) return `synced with ${remote}: nothing new either way`;
  return `synced with ${remote}: received ${describeMovement(received)}; sent ${describeMovement(sent)}`;
}

/** `parley sync --status`: what a sync would move, both ways. */
export function statusSummary(remote: string, incoming: Movement, outgoing: Movement): string {
  if (!moved(incoming) && !moved(outgoing)) return `${remote}: in step, a sync would move nothing`;
  return `${remote}: a sync would receive ${describeMovement(incoming)} and send ${describeMovement(outgoing)}`;
}

const deckName = (path: string) => path.replace(/^decks\//, '').replace(/\.json$/, '');

/**
 * The one line for everything a merge could not settle by itself, as [what, what to do];
 * undefined when it settled everything.
 */
export function conflictLine(outcome: MergeOutcome): [string, string] | undefined {
  const parts: string[] = [];
  const notes = outcome.conflicts.filter((c) => !c.unreadable);
  if (notes.length) {
    const count = notes.reduce((n, c) => n + c.notes, 0);
    parts.push(`${plural(count, 'note')} of deck ${notes.map((c) => deckName(c.path)).join(', ')} changed differently on both machines: kept this machine's`);
  }
  const unreadable = outcome.conflicts.filter((c) => c.unreadable);
  if (unreadable.length) parts.push(`deck ${unreadable.map((c) => deckName(c.path)).join(', ')} is not a readable deck on one machine: kept this machine's file`);
  if (outcome.keptChanged.length) {
    parts.push(`deck ${outcome.keptChanged.map(deckName).join(', ')} was deleted on one machine and changed on the other: kept it`);
  }
  if (outcome.settingsUnreadable) parts.push(`settings.json is not JSON on one machine: kept this machine's`);
  if (!parts.length) return undefined;
  const beside = outcome.conflicts.map((c) => besidePath(c.path));
  const todo = beside.length
    ? `the other machine's version is in ${beside.join(', ')}: compare, edit the deck by hand if needed, then delete the .conflict file`
    : 'check the deck with `parley show`';
  return [parts.join('; '), todo];
}

/** The one line for settings both machines changed: which side's values were taken. */
export function settingsLine(outcome: MergeOutcome): string | undefined {
  const clash = outcome.settings;
  if (!clash) return undefined;
  const side = clash.took === 'theirs' ? "the other machine's" : "this machine's";
  return `${clash.keys.join(', ')} changed on both machines: took ${side} value (its change is the newer)`;
}
