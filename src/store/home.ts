import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../core/errors.js';
import { shownPath, systemCodeText } from '../core/system-error.js';

/** The platform config directory env-paths would give "parley", without loading conf to ask it. */
export function defaultHome(env: NodeJS.ProcessEnv, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Preferences', 'parley');
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), 'parley', 'Config');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'parley');
}

export function resolveHome(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return resolve(option || env.PARLEY_HOME || defaultHome(env));
}

export interface HomeLayout {
  root: string;
  settings: string;
  /** The journal of releases before devices: moved to this device's journal on first open. */
  legacyJournal: string;
  /** One journal per device: `<device>.jsonl`, each appended to by its device alone. */
  journals: string;
  /** Words each device's learner said they know: `<device>.txt`, one word a line, each written by its device alone. */
  known: string;
  /** Machine-local: this machine's device id for this home (see device.ts); never synced. */
  local: string;
  lock: string;
  /** Present only while a deck rename runs, or after a kill cut one short. */
  pendingRename: string;
  decks: string;
  /** The derived card state (see state-file.ts). */
  stateFile: string;
  /** Where releases before the state file kept their snapshots and caches: removed once the state file is written. */
  legacyState: string;
  /** `parley sync`: the git repository the home becomes, its list of machine-local files, and which sync runs. */
  repository: string;
  ignore: string;
  syncLock: string;
}

export function layout(root: string): HomeLayout {
  return {
    root,
    settings: join(root, 'settings.json'),
    legacyJournal: join(root, 'journal.jsonl'),
    journals: join(root, 'journal'),
    known: join(root, 'known'),
    local: join(root, 'local.json'),
    lock: join(root, '.lock'),
    pendingRename: join(root, 'rename.pending'),
    decks: join(root, 'decks'),
    stateFile: join(root, 'state.json'),
    legacyState: join(root, 'state'),
    repository: join(root, '.git'),
    ignore: join(root, '.gitignore'),
    syncLock: join(root, '.parley-sync.lock'),
  };
}

function unusableHome(root: string, code: string | undefined): UserError {
  const todo = 'point --home or PARLEY_HOME at a directory';
  if (code === 'ENAMETOOLONG') return new UserError(`parley home ${shownPath(root)} is too long a path`, `${todo} with a shorter path`);
  if (code === 'ELOOP') return new UserError(`parley home ${shownPath(root)} is a symbolic link that loops (ELOOP)`, todo);
  if (code === 'ENOTDIR') return new UserError(`parley home ${shownPath(root)} is inside a file, not a directory`, todo);
  return new UserError(`cannot use parley home ${shownPath(root)}: ${systemCodeText(code) ?? 'unusable'} (${code})`, `${todo} you can read and write`);
}

/**
 * The one way parley makes a directory (mkdir -p): one level at a time, because Node's recursive
 * mkdir loops forever where a parent exists but refuses new entries with ENOENT (under /proc), and
 * reports a read-only file system as ENOENT. A refusal is one line naming the directory.
 */
export function makeDirectory(dir: string, what = 'directory'): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  try {
    for (const d of missing.reverse()) {
      try {
        mkdirSync(d);
      } catch (error) {
        // Another process made it meanwhile: fine, as long as it is a directory.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw error;
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `cannot create ${what} ${shownPath(dir)}: ${systemCodeText(code) ?? 'refused'} (${code})`,
      'point --home or PARLEY_HOME at a writable directory',
    );
  }
}

/** Says plainly when the home is not a usable directory; creates it only when asked to write. */
export function checkHome(root: string, create: boolean): boolean {
  try {
    if (!statSync(root).isDirectory()) {
      throw new UserError(`parley home ${shownPath(root)} is a file, not a directory`, 'point --home or PARLEY_HOME at a directory');
    }
    return true;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw unusableHome(root, code);
    if (!create) return false;
    makeDirectory(root, 'parley home');
    return true;
  }
}

/** Where a path really leads: the file itself when it exists (links followed), else its real directory plus its name. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/**
 * The home's own file (or directory) that writing `file` would replace, or undefined when it
 * would replace none: the home itself, each entry of its layout, and their temporary and lock
 * siblings (`settings.json.tmp-…`, `.journal.jsonl.<pid>.tmp`, `.lock.<pid>`). Compared by real
 * path, so no symbolic link, `..` or relative path gets past it.
 */
export function ownFileAt(paths: HomeLayout, file: string): string | undefined {
  const root = realPath(paths.root);
  const rel = relative(root, realPath(resolve(file)));
  if (rel === '') return root;
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  const first = rel.split(sep)[0]!;
  const own = Object.values(paths).filter((p) => p !== paths.root).map((p) => basename(p));
  const hit = own.find((name) => first === name || first.startsWith(`${name}.`) || first.startsWith(`.${name}.`));
  return hit && join(root, hit);
}

/** The journal a device appends to. */
export function journalPath(paths: HomeLayout, device: string): string {
  return join(paths.journals, `${device}.jsonl`);
}

/** The words a device's learner said they know. */
export function knownPath(paths: HomeLayout, device: string): string {
  return join(paths.known, `${device}.txt`);
}

/** Whether a deck rename is under way, or was cut short by a kill: one stat. */
export function renamePending(paths: HomeLayout): boolean {
  return existsSync(paths.pendingRename);
}
