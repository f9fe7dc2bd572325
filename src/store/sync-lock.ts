import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { isAlive } from './pid.js';
import type { Store } from './store.js';

/** How long a second sync waits for the first before saying so. */
const WAIT_MS = 10_000;
/**
 * Three rounds of fetch and push, each stopped at its timeout, end well within this: an older
 * lock is a killed sync's whose pid another process has taken since.
 */
const STALE_MS = 30 * 60_000;

interface Holder {
  pid: number;
  since: number;
}

function holderOf(path: string): Holder | undefined {
  try {
    const [pid, since] = readFileSync(path, 'utf8').trim().split(' ').map(Number);
    return Number.isInteger(pid) && pid! > 0 && Number.isFinite(since) ? { pid: pid!, since: since! } : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` as the one `parley sync` of this home. The lock is a pid file taken under the home's
 * lock (so two syncs never both take it) and held across the sync's network waits, which the home
 * lock must not be. Once it is held, no other sync runs git here: a `.lock` file git left in the
 * repository is a killed sync's, and is removed so the repository is usable again.
 */
export async function holdingSync<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const path = store.paths.syncLock;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const busy = store.locked(() => {
      const holder = holderOf(path);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid) && Date.now() - holder.since < STALE_MS) return holder;
      // Made afresh (never written through what was there), under the home lock, so no one reads
      // it half-written; a kill mid-write leaves a lock no one holds.
      rmSync(path, { force: true });
      writeFileSync(path, `${process.pid} ${Date.now()}\n`, { flag: 'wx' });
      return undefined;
    });
    if (!busy) break;
    if (Date.now() > deadline) {
      throw new UserError(`another parley sync of this home is running (pid ${busy.pid})`, 'wait for it to finish, then run `parley sync` again');
    }
    await sleep(100);
  }
  try {
    removeGitLocks(store.paths.repository);
    return await fn();
  } finally {
    store.locked(() => {
      if (holderOf(path)?.pid === process.pid) rmSync(path, { force: true });
    });
  }
}

/** git's lock files: the index's, HEAD's, the config's, packed refs', and each ref's. */
function removeGitLocks(gitDir: string): void {
  const sweep = (dir: string, deep: boolean) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (name.endsWith('.lock')) {
        if (!isDirectory(path)) rmSync(path, { force: true });
      } else if (deep && isDirectory(path)) {
        sweep(path, true);
      }
    }
  };
  sweep(gitDir, false);
  sweep(join(gitDir, 'refs'), true);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
