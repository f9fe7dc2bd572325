import { writeSync } from 'node:fs';
import { UserError } from '../core/errors.js';

/** The disk took no more (full, over quota, or failing): nothing was recorded, and trying again can work. */
export class DiskFull extends UserError {}

const FULL: Readonly<Record<string, string>> = { ENOSPC: 'disk full', EDQUOT: 'disk full (quota)', EIO: 'disk write failed' };

/** A write the disk refused, as one line naming the file; undefined for any other error. */
export function diskFull(path: string, error: unknown): DiskFull | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const what = code ? FULL[code] : undefined;
  return what ? new DiskFull(`${what} (${code} writing ${path})`, 'free space and run the command again') : undefined;
}

/**
 * Writes every byte: a nearly full disk takes part of a write and reports how much, and the rest
 * must follow (or fail with ENOSPC) before anything is acknowledged.
 */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) {
    const n = writeSync(fd, bytes, done, bytes.length - done);
    // A file takes at least a byte or fails; a write that makes no progress would loop for ever.
    if (n <= 0) throw Object.assign(new Error('the disk took no more bytes'), { code: 'ENOSPC', syscall: 'write' });
    done += n;
  }
}
