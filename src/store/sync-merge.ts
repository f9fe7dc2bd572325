import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mergeFiles, sharedKind, type MergeOutcome, type Versions } from '../core/sync/merge.js';
import { NOTHING, type Movement } from '../core/sync/summary.js';
import { writeFileAtomic } from './atomic.js';
import type { Git } from './git.js';
import { makeDirectory } from './home.js';
import { emptyTree, mergeBase } from './sync-repo.js';

/** A file's blob before and after, by path; undefined where it is absent (or not a plain file). */
type Changes = Map<string, { from?: string; to?: string }>;

const FILE_MODE = /^100(644|755)$/;

/** What differs between two commits (or, `from` undefined, everything `to` holds). */
function treeChanges(git: Git, from: string | undefined, to: string): Changes {
  const changes: Changes = new Map();
  if (from === undefined) {
    for (const entry of git.run(['ls-tree', '-r', '-z', '--full-tree', to]).split('\0')) {
      const match = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
      if (match && FILE_MODE.test(match[1]!)) changes.set(match[3]!, { to: match[2] });
    }
    return changes;
  }
  const tokens = git.run(['diff-tree', '-r', '-z', '--no-renames', from, to]).split('\0');
  for (let i = 0; i + 1 < tokens.length; i += 2) {
    const [oldMode, newMode, oldSha, newSha] = tokens[i]!.slice(1).split(' ');
    changes.set(tokens[i + 1]!, {
      from: FILE_MODE.test(oldMode ?? '') ? oldSha : undefined,
      to: FILE_MODE.test(newMode ?? '') ? newSha : undefined,
    });
  }
  return changes;
}

/** The contents of these blobs, read in one call to git. */
function readBlobs(git: Git, shas: Iterable<string | undefined>): Map<string, string> {
  const wanted = [...new Set([...shas].filter((s): s is string => s !== undefined))];
  const blobs = new Map<string, string>();
  if (!wanted.length) return blobs;
  const out = git.bytes(['cat-file', '--batch'], { input: `${wanted.join('\n')}\n` });
  for (let at = 0; at < out.length; ) {
    const end = out.indexOf(0x0a, at);
    if (end < 0) break;
    const [sha, type, size] = out.subarray(at, end).toString('utf8').split(' ');
    at = end + 1;
    if (type === 'missing' || size === undefined) continue;
    blobs.set(sha!, out.subarray(at, at + Number(size)).toString('utf8'));
    at += Number(size) + 1;
  }
  return blobs;
}

/** Whether `theirs` was committed after `ours`: the newer side's settings win a clash. */
function theirsNewer(git: Git, ours: string | undefined, theirs: string): boolean {
  if (ours === undefined) return true;
  const [mine, other] = git.run(['show', '-s', '--format=%ct', ours, theirs]).trim().split('\n').map(Number);
  return other! > mine!;
}

function readWorkFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export interface Merged {
  /** The commit the branch is at now. */
  head: string;
  /** What the merge found to say; undefined when there was nothing to merge. */
  outcome?: MergeOutcome;
}

/**
 * Merges the fetched commit `theirs` into `ours`, reading both sides from the repository (blobs,
 * never the working tree's merge state): only the files it changes are written (each atomically),
 * then one commit with both parents, or a fast-forward when ours had nothing of its own. Call
 * under the home lock, with this machine's changes committed.
 */
export function mergeFetched(git: Git, ours: string | undefined, theirs: string): Merged {
  const base = ours === undefined ? undefined : mergeBase(git, ours, theirs);
  if (ours !== undefined && base === theirs) return { head: ours };
  const theirChanges = treeChanges(git, base, theirs);
  const ourChanges = ours === undefined || base === ours ? new Map() as Changes : treeChanges(git, base, ours);
  const shas = new Map<string, { base?: string; ours?: string; theirs?: string }>();
  for (const [path, change] of theirChanges) {
    // Only a home's own files come into it: a path a remote made up is never written.
    if (!sharedKind(path)) continue;
    const mine = ourChanges.has(path) ? ourChanges.get(path)!.to : change.from;
    shas.set(path, { base: change.from, ours: mine, theirs: change.to });
  }
  const blobs = readBlobs(git, [...shas.values()].flatMap((s) => [s.base, s.ours, s.theirs]));
  const text = (sha: string | undefined) => (sha === undefined ? undefined : blobs.get(sha));
  const versions = new Map<string, Versions>([...shas].map(([path, s]) => [path, { base: text(s.base), ours: text(s.ours), theirs: text(s.theirs) }]));
  const bothChanged = ourChanges.has('settings.json') && theirChanges.has('settings.json');
  const outcome = mergeFiles(versions, bothChanged && theirsNewer(git, ours, theirs));

  const written: string[] = [];
  for (const [path, content] of outcome.files) {
    const file = join(git.root, ...path.split('/'));
    if (readWorkFile(file) === content) continue;
    if (content === undefined) {
      rmSync(file, { force: true });
    } else {
      makeDirectory(dirname(file));
      writeFileAtomic(file, content);
    }
    written.push(path);
  }
  if (written.length) git.run(['add', '-A', '--', ...written]);
  const tree = git.run(['write-tree']).trim();
  if ((ours === undefined || base === ours) && tree === git.run(['rev-parse', `${theirs}^{tree}`]).trim()) {
    git.run(['update-ref', '-m', 'parley sync: fast-forward', 'HEAD', theirs, ours ?? '']);
    return { head: theirs, outcome };
  }
  const parents = ours === undefined ? ['-p', theirs] : ['-p', ours, '-p', theirs];
  const head = git.run(['commit-tree', tree, ...parents, '-m', 'parley sync: merge another machine\'s reviews and decks']).trim();
  git.run(['update-ref', '-m', 'parley sync: merge', 'HEAD', head, ours ?? '']);
  return { head, outcome };
}

/**
 * What `to` has that `from` lacks (from undefined: all of `to`), counted as a user would: journal
 * lines (except the journal of `device`, this machine's own), decks added, changed or removed, and known words.
 */
export function movement(git: Git, from: string | undefined, to: string, device?: string): Movement {
  const own = device === undefined ? undefined : `journal/${device}.jsonl`;
  const tokens = git.run(['diff-tree', '-r', '-z', '--no-renames', '--raw', '--numstat', from ?? emptyTree(git), to, '--', 'journal', 'decks', 'known', 'settings.json']).split('\0');
  const moved: Movement = { ...NOTHING };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.startsWith(':')) {
      const status = token.split(' ')[4];
      const path = tokens[++i]!;
      const kind = sharedKind(path);
      if (kind === 'settings') moved.settings = true;
      if (kind !== 'deck') continue;
      if (status === 'A') moved.decksAdded++;
      else if (status === 'D') moved.decksRemoved++;
      else moved.decksChanged++;
    } else if (token) {
      const [added, , path] = token.split('\t');
      const kind = sharedKind(path ?? '');
      if (path !== own && kind === 'journal') moved.entries += Number(added) || 0;
      if (kind === 'known') moved.knownWords += Number(added) || 0;
    }
  }
  return moved;
}
