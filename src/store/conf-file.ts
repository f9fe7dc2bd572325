import { lstatSync, readFileSync } from 'node:fs';
import type { default as ConfType, Options } from 'conf';
import { UserError } from '../core/errors.js';
import { jsonErrorLine } from '../core/json-error.js';
import { shownPath, systemCodeText } from '../core/system-error.js';
import { diskFull } from './disk.js';
import { schemaProblem, type Schema } from './schema.js';

export function damaged(path: string, what: string): UserError {
  return new UserError(`${path} ${what}`, 'fix it by hand or move it away; parley will not overwrite it');
}

/** A file the machine will not let parley read or write, as a one-line refusal naming it. */
export function unusable(path: string, error: unknown): UserError | undefined {
  const full = diskFull(path, error);
  if (full) return full;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return new UserError(`${path} is a directory, not a file`, 'move that directory out of your parley home');
  // ENOENT here is a write the file system refused (/proc): reads treat a missing file as absent.
  const what = systemCodeText(code);
  if (what) return new UserError(`cannot read or write ${shownPath(path)}: ${what} (${code})`, 'check the permissions and free space of your parley home');
  return undefined;
}

/**
 * Reads a conf-managed file without loading conf: undefined when it does not exist, a one-line
 * refusal naming the file when it is not JSON or breaks the schema. Never writes.
 */
export function readConfFile(path: string, schema: Schema): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unusable(path, error) ?? error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw damaged(`${path}:${jsonErrorLine(error, text)}:`, 'is not valid JSON');
  }
  const problem = schemaProblem(schema, value);
  if (problem) throw damaged(path, `has a wrong value (${problem})`);
  return value as Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conf's own constraint
type Stored = Record<string, any>;
export type ConfOptions<T extends Stored> = Options<T> & { migrations: NonNullable<Options<T>['migrations']> };
export type ConfClass = typeof ConfType;

/** conf (with ajv) is loaded only by commands that write state. */
export async function loadConf(): Promise<ConfClass> {
  return (await import('conf')).default;
}

/** Whether `path` is a symbolic link (a missing file is not). */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * conf writes where a link points (its atomic write resolves the real path first), so a settings or
 * state file that is a symbolic link would have parley write outside its home, or over another of
 * its own files. parley writes only the files it names.
 */
function refuseLink(path: string): void {
  if (isLink(path)) throw new UserError(`${path} is a symbolic link`, 'parley does not write through links: replace the link with the file it points to');
}

/** Replaces a conf-managed file that is derived, not edited: whatever it held goes. */
export function writeConf<T extends Stored>(Conf: ConfClass, path: string, options: Options<T>, value: T): void {
  refuseLink(path);
  try {
    new Conf<T>(options).store = value;
  } catch (error) {
    throw unusable(path, error) ?? error;
  }
}

/**
 * Writes through conf. The file is validated first (conf would run its migrations,
 * which write, before validating), so a damaged file is refused untouched.
 */
export function updateConf<T extends Stored>(
  Conf: ConfClass, path: string, schema: Schema, options: ConfOptions<T>, change: (conf: ConfType<T>) => void,
): void {
  refuseLink(path);
  readConfFile(path, schema);
  try {
    change(new Conf<T>(options));
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (message.startsWith('Config schema violation')) throw damaged(path, `has a wrong value (${message.replace(/^Config schema violation: /, '')})`);
    throw unusable(path, error) ?? error;
  }
}
