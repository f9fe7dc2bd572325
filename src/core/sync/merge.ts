import { mergeDeckFile } from './deck.js';
import { mergeJournal } from './journal.js';
import { mergeSettings } from './settings.js';

/** One path's content at the merge base and on each side; undefined where the file is absent. */
export interface Versions {
  base?: string;
  ours?: string;
  theirs?: string;
}

export type SharedKind = 'journal' | 'deck' | 'settings' | 'ignore' | 'known' | 'other';

/** A file name parley would write: no path, no dot file, nothing a shell or Windows minds. */
const NAME = '[A-Za-z0-9][A-Za-z0-9._-]*';
const IN_FOLDER = new RegExp(`^(decks|journal|known)/(${NAME})$`);

/**
 * Which of a home's shared files a path in the repository is. Anything else (a file someone added
 * by hand, a path a remote made up) is no business of a merge into a parley home: undefined.
 */
export function sharedKind(path: string): SharedKind | undefined {
  if (path === 'settings.json') return 'settings';
  if (path === '.gitignore') return 'ignore';
  const match = IN_FOLDER.exec(path);
  if (!match) return undefined;
  if (match[1] === 'journal') return match[2]!.endsWith('.jsonl') ? 'journal' : 'other';
  if (match[1] === 'known') return match[2]!.endsWith('.txt') ? 'known' : 'other';
  return match[2]!.endsWith('.json') ? 'deck' : 'other';
}

/** Where the other side's version of a conflicting deck is written: beside it, under a name no deck has. */
export const besidePath = (path: string) => `${path}.conflict`;

export interface MergeOutcome {
  /** Every path given, with its merged content (undefined: absent), plus any conflict files. */
  files: Map<string, string | undefined>;
  /** Decks with notes both sides changed differently, or that one side cannot read: ours kept, theirs beside. */
  conflicts: { path: string; notes: number; unreadable: boolean }[];
  /** Decks deleted on one side and changed on the other: kept. */
  keptChanged: string[];
  /** Settings both sides changed differently, and which side's values were taken. */
  settings?: { keys: string[]; took: 'ours' | 'theirs' };
  /** settings.json on one side is not JSON: ours kept. */
  settingsUnreadable: boolean;
}

/** .gitignore is parley's lines plus whatever a user added on either side: every line once. */
function mergeLines(ours: string | undefined, theirs: string | undefined): string | undefined {
  if (ours === undefined || theirs === undefined) return ours ?? theirs;
  const lines = [...new Set([...ours.split('\n'), ...theirs.split('\n')].filter((l) => l !== ''))];
  return `${lines.join('\n')}\n`;
}

/**
 * Merges every path that differs between the two sides, by what the path is: journals by growth,
 * decks by note id, settings by key. Never writes conflict markers: where both sides changed the
 * same thing, ours stays in the file and theirs goes beside it (decks) or the newer wins (settings).
 */
export function mergeFiles(changed: ReadonlyMap<string, Versions>, theirsNewer: boolean): MergeOutcome {
  const outcome: MergeOutcome = { files: new Map(), conflicts: [], keptChanged: [], settingsUnreadable: false };
  for (const [path, { base, ours, theirs }] of changed) {
    switch (sharedKind(path)) {
      case 'journal':
        outcome.files.set(path, mergeJournal(ours, theirs));
        break;
      case 'deck': {
        const deck = mergeDeckFile(path, base, ours, theirs);
        outcome.files.set(path, deck.text);
        if (deck.keptChanged) outcome.keptChanged.push(path);
        if (deck.conflicts.length || deck.unreadable) {
          outcome.conflicts.push({ path, notes: deck.conflicts.length, unreadable: deck.unreadable });
          outcome.files.set(besidePath(path), theirs);
        }
        break;
      }
      case 'settings': {
        const settings = mergeSettings(base, ours, theirs, theirsNewer);
        outcome.files.set(path, settings.text);
        if (settings.clashes.length) outcome.settings = { keys: settings.clashes, took: theirsNewer ? 'theirs' : 'ours' };
        outcome.settingsUnreadable = settings.unreadable;
        break;
      }
      case 'ignore':
      // A device's known words: each device adds to its own list alone, so the union is both sides' words.
      case 'known':
        outcome.files.set(path, base === ours ? theirs : base === theirs ? ours : mergeLines(ours, theirs));
        break;
      case 'other':
        outcome.files.set(path, base === ours ? theirs : ours);
        break;
      default:
        // Not a home's file: it stays as ours has it.
        outcome.files.set(path, ours);
    }
  }
  return outcome;
}
