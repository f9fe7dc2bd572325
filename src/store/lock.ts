import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../core/errors.js';
import { unusable } from './conf-file.js';
import { diskFull } from './disk.js';
import { sweepLeftovers } from './leftovers.js';
import { isAlive } from './pid.js';

const WAIT_MS = 10_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function holderOf(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Our pid in a file of our own, created afresh: a file of that name is left only by a killed
 * process that had our pid, and whatever is there (a link, say) is removed, never written through.
 */
function writePid(mine: string): void {
  rmSync(mine, { force: true });
  try {
    writeFileSync(mine, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    // A full or read-only disk: leave no half-made file behind, and say so as a refusal (one line
    // naming the file) that a caller to whom the write is optional, saving the state file, can pass over.
    rmSync(mine, { force: true });
    throw diskFull(dirname(mine), error) ?? unusable(mine, error) ?? error;
  }
}

/**
 * Removes a lock whose holder is dead. Two processes that both found it dead must not both remove
 * it — the second would remove the lock the first had just taken — so breaking takes a lock of its
 * own (held for one check and one unlink; a breaker killed in that instant is itself taken over).
 */
function breakStale(path: string, mine: string, holder: number): void {
  const breaker = `${path}.break`;
  try {
    linkSync(mine, breaker);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const other = holderOf(breaker);
    if (other !== undefined && !isAlive(other)) rmSync(breaker, { force: true });
    return;
  }
  try {
    if (holderOf(path) === holder) rmSync(path, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}

/**
 * Runs `fn` holding the home's write lock. It is held only for the milliseconds of a write, so a
 * second session waits briefly instead of overwriting the first. The lock file is created by
 * hard-linking a file that already holds our pid, so no one ever sees a lock without its owner;
 * a lock whose owner was killed (its pid is gone) is taken over.
 */
export function withLock<T>(path: string, fn: () => T): T {
  const mine = `${path}.${process.pid}`;
  writePid(mine);
  const deadline = Date.now() + WAIT_MS;
  try {
    for (;;) {
      try {
        linkSync(mine, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = holderOf(path);
        if (holder !== undefined && !isAlive(holder)) {
          breakStale(path, mine, holder);
          continue;
        }
        if (Date.now() > deadline) {
          throw new UserError(
            `the store is locked by another parley (pid ${holder ?? '?'})`,
            `wait for it to finish, or delete ${path} if no parley is running`,
          );
        }
        Atomics.wait(sleeper, 0, 0, 1);
      }
    }
    try {
      sweepLeftovers(dirname(path));
      return fn();
    } finally {
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(mine, { force: true });
  }
}
