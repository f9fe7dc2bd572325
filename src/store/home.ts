import { existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';

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
  journal: string;
  lock: string;
  /** Present only while a deck rename runs, or after a kill cut one short. */
  pendingRename: string;
  decks: string;
  state: string;
}

export function layout(root: string): HomeLayout {
  return {
    root,
    settings: join(root, 'settings.json'),
    journal: join(root, 'journal.jsonl'),
    lock: join(root, '.lock'),
    pendingRename: join(root, 'rename.pending'),
    decks: join(root, 'decks'),
    state: join(root, 'state'),
  };
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir loops forever where a parent exists but
 * refuses new entries with ENOENT (under /proc, for one).
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

/** Says plainly when the home is not a usable directory; creates it only when asked to write. */
export function checkHome(root: string, create: boolean): boolean {
  try {
    if (!statSync(root).isDirectory()) {
      throw new UserError(`parley home ${root} is a file, not a directory`, 'point --home or PARLEY_HOME at a directory');
    }
    return true;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') {
      throw new UserError(`parley home ${root} is inside a file, not a directory`, 'point --home or PARLEY_HOME at a directory');
    }
    if (code !== 'ENOENT') throw error;
    if (!create) return false;
    try {
      makeDirectories(root);
    } catch (mkdirError) {
      throw new UserError(
        `cannot create parley home ${root} (${(mkdirError as NodeJS.ErrnoException).code})`,
        'point --home or PARLEY_HOME at a writable directory',
      );
    }
    return true;
  }
}
