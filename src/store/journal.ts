import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { unusable } from './conf-file.js';
import type { JournalEntry } from '../core/srs/card-state.js';

/** A place in the journal: byte offset and the line number that starts there. */
export interface JournalMark {
  offset: number;
  line: number;
}

export const JOURNAL_START: JournalMark = { offset: 0, line: 1 };

export interface PlacedEntry {
  entry: JournalEntry;
  offset: number;
}

export interface JournalRead {
  entries: PlacedEntry[];
  end: JournalMark;
  /** Bytes after `end` that are a torn last line left by a crash mid-write. */
  tornBytes: number;
}

/** What a journal shorter than a place already read up to means, and what to do. */
function shrunk(path: string, size: number, offset: number): UserError {
  return new UserError(
    `${path} is ${size} bytes, shorter than the ${offset} bytes parley has already recorded from it (it was truncated, emptied or replaced)`,
    'restore it from a backup; parley will not write to it, since new reviews would be lost behind the old ones',
  );
}

function readFrom(path: string, offset: number): Buffer {
  try {
    return readBytes(path, offset);
  } catch (error) {
    throw unusable(path, error) ?? error;
  }
}

function readBytes(path: string, offset: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (offset > 0) throw shrunk(path, 0, offset);
      return Buffer.alloc(0);
    }
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    // A snapshot's watermark (or this process's last read) lies past the end: the journal lost
    // bytes. Appending now would put new reviews where every later load skips them.
    if (size < offset) throw shrunk(path, size, offset);
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    let done = 0;
    while (done < buffer.length) {
      const n = readSync(fd, buffer, done, buffer.length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

function looksLikeEntry(value: unknown): value is JournalEntry {
  const e = value as Record<string, unknown> | null;
  if (typeof e !== 'object' || e === null || typeof e.id !== 'string' || typeof e.deck !== 'string' || typeof e.at !== 'string') return false;
  if (e.type === 'rename') return typeof e.from === 'string' && typeof e.cards === 'object' && e.cards !== null;
  return typeof e.cardId === 'string' && typeof e.type === 'string';
}

/**
 * Reads the journal from `from` on. A line that is not a journal entry stops everything with
 * `file:line`, except an unterminated last line: that is a write a crash cut short, never
 * acknowledged, so it is reported as torn and left out.
 */
export function readJournal(path: string, from: JournalMark = JOURNAL_START): JournalRead {
  const bytes = readFrom(path, from.offset);
  const entries: PlacedEntry[] = [];
  let start = 0;
  let line = from.line;
  while (start < bytes.length) {
    const newline = bytes.indexOf(10, start);
    const last = newline < 0;
    const end = last ? bytes.length : newline;
    const text = bytes.toString('utf8', start, end).trim();
    if (text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      if (!looksLikeEntry(value)) {
        if (last) return { entries, end: { offset: from.offset + start, line }, tornBytes: bytes.length - start };
        throw new UserError(
          `${path}:${line}: not a review journal entry`,
          'the journal is your review history: fix or remove that line by hand; parley will not rewrite it',
        );
      }
      entries.push({ entry: value, offset: from.offset + start });
    }
    if (last) {
      // A complete entry whose newline was never written: keep it, the next append adds the newline.
      return { entries, end: { offset: from.offset + bytes.length, line }, tornBytes: 0 };
    }
    start = newline + 1;
    line++;
  }
  return { entries, end: { offset: from.offset + bytes.length, line }, tornBytes: 0 };
}

/**
 * Appends entries and fsyncs before returning: once this returns, the grade survives kill -9 and
 * power loss. Call under the store lock, with `end` from a read made under the same lock.
 */
export function appendJournal(path: string, end: JournalMark, tornBytes: number, entries: readonly JournalEntry[]): JournalMark {
  const fd = openSync(path, 'a+');
  try {
    const size = fstatSync(fd).size;
    if (tornBytes > 0) ftruncateSync(fd, end.offset);
    let prefix = '';
    if (tornBytes === 0 && size > 0) {
      const lastByte = Buffer.alloc(1);
      readSync(fd, lastByte, 0, 1, size - 1);
      if (lastByte[0] !== 10) prefix = '\n';
    }
    const text = prefix + entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    writeSync(fd, text);
    fsyncSync(fd);
    const written = Buffer.byteLength(text);
    const base = tornBytes > 0 ? end.offset : size;
    return { offset: base + written, line: end.line + (prefix ? 1 : 0) + entries.length };
  } finally {
    closeSync(fd);
  }
}

const TAIL_CHUNK = 1 << 16;

/**
 * The entries made at or after `since`, read backwards from the end of the journal so that a
 * years-long history costs nothing at the start of a session. Entries are appended in time order;
 * sessions running side by side, or a clock set back, interleave them by minutes, not by a day, so
 * reading stops at the first entry more than a day older than `since`.
 */
export function readJournalSince(path: string, since: Date): JournalEntry[] {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const stop = since.getTime() - 86_400_000;
  const found: JournalEntry[] = [];
  try {
    let end = fstatSync(fd).size;
    let carry = Buffer.alloc(0);
    while (end > 0) {
      const start = Math.max(0, end - TAIL_CHUNK);
      const chunk = Buffer.alloc(end - start);
      readSync(fd, chunk, 0, chunk.length, start);
      let bytes = Buffer.concat([chunk, carry]);
      // The first line of a chunk may be cut: keep it for the next (earlier) chunk.
      const firstNewline = start > 0 ? bytes.indexOf(10) : -1;
      carry = start > 0 ? bytes.subarray(0, firstNewline + 1) : Buffer.alloc(0);
      if (start > 0 && firstNewline < 0) {
        carry = bytes;
        end = start;
        continue;
      }
      bytes = bytes.subarray(start > 0 ? firstNewline + 1 : 0);
      const lines = bytes.toString('utf8').split('\n');
      for (let i = lines.length - 1; i >= 0; i--) {
        const text = lines[i]!.trim();
        if (!text) continue;
        let entry: JournalEntry;
        try {
          entry = JSON.parse(text) as JournalEntry;
        } catch {
          // A torn last line is the store's to drop and report when it loads; today's counts skip it.
          continue;
        }
        const at = Date.parse(entry.at);
        if (at < stop) return found.reverse();
        if (at >= since.getTime()) found.push(entry);
      }
      end = start;
    }
    return found.reverse();
  } finally {
    closeSync(fd);
  }
}
