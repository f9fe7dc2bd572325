import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { diskFull, writeAll } from './disk.js';

/**
 * Writes a whole file so that a crash leaves either the old or the new content, never half, and a
 * failure (a full disk) leaves the old content and no temp file.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    // Created afresh, never opened through whatever (a link, say) was left at its name.
    rmSync(temp, { force: true });
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeAll(fd, Buffer.from(data));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw diskFull(path, error) ?? error;
  }
  syncDirectory(dirname(path));
}

/** A rename is durable only once its directory entry is. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename itself already happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
