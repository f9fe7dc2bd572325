import { statSync } from 'node:fs';

/** A file's size and modification time: enough to tell that a derived cache is still about it. */
export interface Stamp {
  size: number;
  mtimeMs: number;
}

export function stamp(path: string): Stamp | null {
  try {
    const { size, mtimeMs } = statSync(path);
    return { size, mtimeMs };
  } catch {
    return null;
  }
}

export const sameStamp = (a: Stamp | null | undefined, b: Stamp | null | undefined): boolean =>
  a === b || (!!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs);
