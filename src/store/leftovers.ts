import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { layout } from './home.js';
import { isAlive } from './pid.js';

/** The lock's pid file (lock.ts) and writeFileAtomic's temp file (atomic.ts): the pid is in the name. */
const PID_NAMED = /^\.lock\.(\d+)$|^\..+\.(\d+)\.tmp$/;
/** conf's atomic write (the atomically package): `<file>.tmp-<10 digits of the time><6 hex>`. */
const CONF_TEMP = /^.+\.json\.tmp-\d{10}[0-9a-f]{6}$/;
/** A conf write takes milliseconds: a temp file this old belongs to a process that was killed. */
const CONF_TEMP_STALE_MS = 60_000;

const swept = new Set<string>();

/**
 * Removes what a parley killed mid-write (kill -9, power loss) left in the home, its state/, decks/,
 * journal/ (where a sync writes other devices' journals whole), known/ and .git/ (where it marks
 * a sync with nothing left to send): parley's own temp and pid files
 * whose process is gone. Once per process and home, when
 * the lock is first taken, so reading commands never pay for it; a file it cannot remove is left.
 */
export function sweepLeftovers(root: string): void {
  if (swept.has(root)) return;
  swept.add(root);
  const now = Date.now();
  const { legacyState, decks, journals, known, repository } = layout(root);
  for (const dir of [root, legacyState, decks, journals, known, repository]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = PID_NAMED.exec(name);
      const dead = pid
        ? !isAlive(Number(pid[1] ?? pid[2]))
        : CONF_TEMP.test(name) && olderThan(join(dir, name), now - CONF_TEMP_STALE_MS);
      if (dead) remove(join(dir, name));
    }
  }
}

function remove(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // A directory of that name, or no permission: not ours to force.
  }
}

function olderThan(path: string, time: number): boolean {
  try {
    return statSync(path).mtimeMs < time;
  } catch {
    return false;
  }
}
