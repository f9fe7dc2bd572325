import { readFileSync, realpathSync } from 'node:fs';
import { hostname } from 'node:os';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from './atomic.js';
import { entryId } from './entry-id.js';
import type { HomeLayout } from './home.js';

/** A device id as it names a journal file: short, lower case, safe as a file name on every system. */
const DEVICE = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export const isDevice = (name: string): boolean => DEVICE.test(name);

/**
 * Which (machine, home directory) a device id belongs to. The file holding it may travel with the
 * home (a cloud drive, a copied folder): an id made for another machine or another place is not
 * this one's, so two devices never append to one journal.
 */
function place(root: string): string {
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
    // A home not made yet is named as given.
  }
  return `${hostname()}\u0000${real}`;
}

function readDevices(path: string): Record<string, string> {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as { devices?: unknown };
    const devices = value?.devices;
    if (typeof devices === 'object' && devices !== null && !Array.isArray(devices)) {
      return Object.fromEntries(Object.entries(devices).filter((e): e is [string, string] => typeof e[1] === 'string' && isDevice(e[1])));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  return {};
}

/** This home's device id on this machine, if one was made. */
export function knownDevice(paths: HomeLayout): string | undefined {
  return readDevices(paths.local)[place(paths.root)];
}

/** A new id: the machine's name (for a person reading `journal/`) and random hex (for uniqueness). */
export function newDevice(): string {
  const host = hostname().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 24).replace(/-+$/, '');
  return `${host || 'device'}-${entryId().slice(0, 8)}`;
}

/**
 * Records `id` as this home's device id on this machine, unless one is recorded already: that one
 * is returned. Call under the home lock: the file is read, changed and written whole, keeping the
 * ids other machines recorded in a copy of it.
 */
export function recordDevice(paths: HomeLayout, id: string): string {
  const devices = readDevices(paths.local);
  const here = place(paths.root);
  const known = devices[here];
  if (known) return known;
  devices[here] = id;
  try {
    writeFileAtomic(paths.local, `${JSON.stringify({ devices }, null, 2)}\n`);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot record this machine's device id in ${paths.local}: ${(error as Error).message}`, 'check the permissions and free space of your parley home');
  }
  return id;
}

/** This home's device id, made and recorded the first time it is needed (see recordDevice). */
export function device(paths: HomeLayout): string {
  return knownDevice(paths) ?? recordDevice(paths, newDevice());
}
