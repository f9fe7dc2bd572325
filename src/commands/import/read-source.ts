import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { IO } from '../../ui/io.js';

/** Larger than any article or book a learner would import; guards against a wrong file. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export interface Source {
  /** What the user typed, for messages. */
  label: string;
  /** File name without extension, the default deck name; undefined for stdin. */
  stem?: string;
  file?: string;
  /** The web address the page was fetched from (after redirects), for a URL. */
  url?: string;
  bytes: Uint8Array;
  html: boolean;
  /** The encoding a web page declares (header or `<meta>`), tried before detection. */
  charset?: string;
}

/** `scheme://…`: a web address (or a scheme parley refuses), never a file name. */
export function isWebAddress(arg: string): boolean {
  return /^[a-z][a-z\d+.-]*:\/\//i.test(arg);
}

function tooBig(label: string): UserError {
  return new UserError(`${label} is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB`, 'split it into smaller articles and import those');
}

/** Everything `read` gives (the bytes it put in the buffer, 0 at the end), refused past the limit. */
function readAll(read: (buffer: Uint8Array) => number, label: string): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = read(chunk);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_ARTICLE_BYTES) throw tooBig(label);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

export function readSource(arg: string, io: Pick<IO, 'readInput'>): Source {
  if (arg === '-') return { label: 'standard input', bytes: readAll(io.readInput, 'standard input'), html: false };
  let fd: number;
  try {
    fd = openSync(arg, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`no such file: ${arg}`, 'check the path, or give - to read the article from standard input');
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`cannot read ${arg} (permission denied)`, 'check the file permissions');
    if (code === 'EISDIR') throw new UserError(`${arg} is a directory`, 'give the article file inside it');
    throw new UserError(`cannot open ${arg} (${code})`, 'check the path');
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UserError(`${arg} is a directory`, 'give the article file inside it');
    if (stat.size > MAX_ARTICLE_BYTES) throw tooBig(arg);
    const ext = extname(arg).toLowerCase();
    return { label: arg, stem: basename(arg, extname(arg)), file: basename(arg), bytes: readAll((buffer) => readSync(fd, buffer, 0, buffer.length, null), arg), html: ext === '.html' || ext === '.htm' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new UserError(`${arg} is a directory`, 'give the article file inside it');
    throw error;
  } finally {
    closeSync(fd);
  }
}
