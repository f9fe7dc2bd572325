import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { device, knownDevice } from '../../src/store/device.js';
import { journalPath, layout } from '../../src/store/home.js';

// The one way tests find a home's journals: each device appends to journal/<device>.jsonl, so a
// test naming a file by hand would test the layout instead of what it means to test.

/** Every device journal of the home (full paths), sorted; none when no device has written yet. */
export function journalsOf(home: string): string[] {
  const dir = layout(home).journals;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((n) => n.endsWith('.jsonl')).sort().map((n) => join(dir, n));
}

/** The journal of a home one device wrote: the single journal/*.jsonl file, or an error saying what was found. */
export function journalOf(home: string): string {
  const found = journalsOf(home);
  if (found.length !== 1) {
    throw new Error(`expected one device journal in ${layout(home).journals}, found ${found.length === 0 ? 'none' : found.join(', ')}`);
  }
  return found[0]!;
}

/**
 * This machine's journal of the home, ready to be written before parley first opens it: the device
 * id made and recorded as parley makes it (local.json), journal/ made, the file itself not.
 */
export function ownJournal(home: string): string {
  const paths = layout(home);
  mkdirSync(paths.journals, { recursive: true });
  return journalPath(paths, device(paths));
}

const linesIn = (path: string) => readFileSync(path, 'utf8').split('\n').filter((line) => line.length > 0);

/** The non-empty lines of the home's single device journal. */
export function journalLines(home: string): string[] {
  return linesIn(journalOf(home));
}

/** The non-empty lines of every device journal of the home, journal by journal. */
export function allJournalLines(home: string): string[] {
  return journalsOf(home).flatMap(linesIn);
}

/**
 * Makes the home at `to`, a copy of the one at `from`, the same device as `from`: it appends to the
 * journal it was copied with. parley takes a home found in another place for another device (see
 * src/store/device.ts), as a moved or synced home is; a test that copies a home only to run it again
 * from the same start means the same one. The key parley files the copy under is parley's own.
 */
export function keepDevice(from: string, to: string): void {
  const id = knownDevice(layout(from));
  if (id === undefined) return;
  const paths = layout(to);
  const made = device(paths);
  if (made === id) return;
  const local = JSON.parse(readFileSync(paths.local, 'utf8')) as { devices: Record<string, string> };
  for (const [place, name] of Object.entries(local.devices)) if (name === made) local.devices[place] = id;
  writeFileSync(paths.local, `${JSON.stringify(local, null, 2)}\n`);
}

/** A copy of the home at `from` made at `to`, the same device (see keepDevice). */
export function copyHome(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  keepDevice(from, to);
}
