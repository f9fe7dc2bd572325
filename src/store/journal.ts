import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../core/errors.js';
import type { JournalEntry } from '../core/srs/card-state.js';
import { isLink, unusable } from './conf-file.js';
import { syncDirectory } from './atomic.js';
import { diskFull, writeAll } from './disk.js';
import { parseEntry } from './journal-entry.js';

/** A place in the journal: byte offset and the line number that starts there. */
export interface JournalMark {
  offset: number;
  line: number;
}

export const JOURNAL_START: JournalMark = { offset: 0, line: 1 };

export interface PlacedEntry {
  entry: JournalEntry;
  offset: number;
  line: number;
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

function badLine(path: string, line: number, problem: string): UserError {
  return new UserError(
    `${path}:${line}: not a review journal entry (${problem})`,
    'the journal is your review history: fix or remove that line by hand; parley will not rewrite it',
  );
}

// Windows has no O_NOFOLLOW; there a link is followed as before.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Opens the journal, never through a symbolic link: appending through one would write parley's
 * history into whatever file it points to (and cut that file's last line as a torn write).
 */
function openJournal(path: string, flags: number): number {
  try {
    return openSync(path, flags | NOFOLLOW, 0o666);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ELOOP' || code === 'EMLINK') && isLink(path)) {
      throw new UserError(
        `${path} is a symbolic link`,
        'parley keeps its journal only as a plain file in its home: replace the link with the file itself',
      );
    }
    throw error;
  }
}

/** Refuses, in one line naming it, a journal that is a link or not a file. */
export function checkJournal(path: string): void {
  let fd: number;
  try {
    fd = openJournal(path, constants.O_RDONLY);
  } catch (error) {
    throw unusable(path, error) ?? error;
  }
  try {
    if (!fstatSync(fd).isFile()) throw unusable(path, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }))!;
  } finally {
    closeSync(fd);
  }
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
    fd = openJournal(path, constants.O_RDONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (offset > 0) throw shrunk(path, 0, offset);
      return Buffer.alloc(0);
    }
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    // The state file's journal place (or this process's last read) lies past the end: the journal lost
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

/**
 * Whether `mark` can be where parley stopped reading the journal: the start is line 1, and any
 * other offset is at a line boundary (after a newline, or before one: a complete last line whose
 * newline the next append wrote). A journal too short to tell is left for the read to report.
 */
export function atLineBoundary(path: string, mark: JournalMark): boolean {
  if (mark.offset === 0) return mark.line === 1;
  let fd: number;
  try {
    fd = openJournal(path, constants.O_RDONLY);
  } catch {
    return true;
  }
  try {
    const around = Buffer.alloc(2);
    const n = readSync(fd, around, 0, 2, mark.offset - 1);
    return n < 2 || around[0] === 10 || around[1] === 10;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the journal from `from` on. Every line must be a valid entry, else everything stops with
 * `file:line`, except an unterminated last line that is not even JSON: that is a write a crash cut
 * short, never acknowledged, so it is reported as torn and left out.
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
      const parsed = parseEntry(text);
      if ('problem' in parsed) {
        if (last && !parsed.json) return { entries, end: { offset: from.offset + start, line }, tornBytes: bytes.length - start };
        throw badLine(path, line, parsed.problem);
      }
      entries.push({ entry: parsed.entry, offset: from.offset + start, line });
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
 * power loss. Call under the store lock, with `end` from a read made under the same lock. When the
 * disk refuses any byte, the journal is cut back to its last whole line and nothing is
 * acknowledged: a half-written grade must never be on disk to be read later.
 */
export function appendJournal(path: string, end: JournalMark, tornBytes: number, entries: readonly JournalEntry[]): JournalMark {
  const fd = openJournal(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT);
  try {
    const size = fstatSync(fd).size;
    const base = tornBytes > 0 ? end.offset : size;
    if (tornBytes > 0) ftruncateSync(fd, base);
    let prefix = '';
    if (tornBytes === 0 && size > 0) {
      const lastByte = Buffer.alloc(1);
      readSync(fd, lastByte, 0, 1, size - 1);
      if (lastByte[0] !== 10) prefix = '\n';
    }
    const bytes = Buffer.from(prefix + entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    try {
      writeAll(fd, bytes);
      fsyncSync(fd);
      // A journal this append created is durable only once its directory entry is.
      if (size === 0 && base === 0) syncDirectory(dirname(path));
    } catch (error) {
      try {
        ftruncateSync(fd, base);
        fsyncSync(fd);
      } catch {
        // Left as it is, the fragment is an unterminated last line: the next load drops it as torn.
      }
      throw diskFull(path, error) ?? error;
    }
    return { offset: base + bytes.length, line: end.line + (prefix ? 1 : 0) + entries.length };
  } finally {
    closeSync(fd);
  }
}

const TAIL_CHUNK = 1 << 16;

/** The line number of the line starting at `offset`: only asked for when a line is refused. */
function lineNumberAt(fd: number, offset: number): number {
  const chunk = Buffer.alloc(TAIL_CHUNK);
  let line = 1;
  for (let at = 0; at < offset; ) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, offset - at), at);
    if (n === 0) break;
    for (let i = chunk.indexOf(10); i >= 0 && i < n; i = chunk.indexOf(10, i + 1)) line++;
    at += n;
  }
  return line;
}

/** How parley writes a line's instant: right after its type and id, within its first bytes. */
const AT = Buffer.from('","at":"');

/**
 * For a line as parley writes it, whether it was made before `since` ('earlier') or a day before
 * that ('stop'), read from its first bytes alone; undefined for any other line, which is read whole.
 */
function datedBefore(bytes: Buffer, start: number, end: number, since: number): 'earlier' | 'stop' | undefined {
  const key = bytes.indexOf(AT, start);
  if (key < 0 || key > Math.min(end, start + 300)) return undefined;
  const from = key + AT.length;
  const at = Date.parse(bytes.toString('latin1', from, Math.min(end, from + 40)).split('"', 1)[0]!);
  if (Number.isNaN(at) || at >= since) return undefined;
  return at < since - 86_400_000 ? 'stop' : 'earlier';
}

/**
 * The entries made at or after `since`, read backwards from the end of the journal so that a
 * years-long history costs nothing at the start of a session. Entries are appended in time order;
 * sessions running side by side, or a clock set back, interleave them by minutes, not by a day, so
 * reading stops at the first entry more than a day older than `since`. The entries returned are
 * checked as `readJournal` checks them; a line parley wrote before `since` is only dated from its
 * first bytes (the store's reads check it), which keeps a busy yesterday from costing today's start.
 */
export function readJournalSince(path: string, since: Date): JournalEntry[] {
  let fd: number;
  try {
    fd = openJournal(path, constants.O_RDONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw unusable(path, error) ?? error;
  }
  const stop = since.getTime() - 86_400_000;
  const found: JournalEntry[] = [];
  try {
    const size = fstatSync(fd).size;
    let end = size;
    // The start of a line cut by the chunk boundary, with the rest of that line: read with the next (earlier) chunk.
    let carry = Buffer.alloc(0);
    while (end > 0) {
      const start = Math.max(0, end - TAIL_CHUNK);
      const chunk = Buffer.alloc(end - start);
      readSync(fd, chunk, 0, chunk.length, start);
      const bytes = Buffer.concat([chunk, carry]);
      const first = start > 0 ? bytes.indexOf(10) + 1 : 0;
      if (start > 0 && first === 0) {
        carry = bytes;
        end = start;
        continue;
      }
      const starts: number[] = [];
      for (let at = first; at < bytes.length; at = bytes.indexOf(10, at) + 1 || bytes.length) starts.push(at);
      for (let i = starts.length - 1; i >= 0; i--) {
        const lineEnd = i + 1 < starts.length ? starts[i + 1]! : bytes.length;
        const dated = datedBefore(bytes, starts[i]!, lineEnd, since.getTime());
        if (dated === 'stop') return found.reverse();
        if (dated === 'earlier') continue;
        const text = bytes.toString('utf8', starts[i], lineEnd).trim();
        if (!text) continue;
        const parsed = parseEntry(text);
        if ('problem' in parsed) {
          // A torn last line is the store's to drop and report when it loads; today's counts skip it.
          const torn = start + lineEnd === size && bytes[lineEnd - 1] !== 10 && !parsed.json;
          if (torn) continue;
          throw badLine(path, lineNumberAt(fd, start + starts[i]!), parsed.problem);
        }
        const at = Date.parse(parsed.entry.at);
        if (at < stop) return found.reverse();
        if (at >= since.getTime()) found.push(parsed.entry);
      }
      carry = bytes.subarray(0, first);
      end = start;
    }
    return found.reverse();
  } finally {
    closeSync(fd);
  }
}
