import { readSync, writeSync } from 'node:fs';
import { SEQUENCES, terminalSafe } from './escape.js';

/** The streams a command talks through, and whether colour and animation are wanted. */
export interface IO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Colour on: a terminal, no NO_COLOR, no --no-color (FORCE_COLOR wins over a pipe). */
  color: boolean;
  /** Interactive extras (progress bars, spinners) only when stderr is a terminal. */
  interactive: boolean;
  /** The terminal's width, 80 when output goes elsewhere. */
  columns: number;
  /** Text as it is, and text as a line (a newline added when missing). */
  write(text: string): void;
  out(text: string): void;
  err(text: string): void;
  /** A frame of the review screen: its cursor, erase and alternate-screen sequences act too. */
  draw(text: string): void;
  /** Bytes to standard output as they are (a package piped to a file): they are no text to filter. */
  writeBytes(bytes: Uint8Array): void;
  /** Reads standard input into `buffer` without waiting for an event loop: the bytes read, 0 at its end. */
  readInput(buffer: Uint8Array): number;
}

/**
 * Thrown by a write to standard output once its reader went away (`parley decks | head`). Nothing
 * went wrong: there is only no one left to tell, and cli/main.ts ends parley quietly with 0.
 */
export class OutputClosed extends Error {
  constructor() {
    super('the reader of standard output went away');
    this.name = 'OutputClosed';
  }
}

export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag: boolean): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** Descriptors whose writes went to their stream once a plain write could not finish. */
const streamed = new Set<number>();
/** Set when standard output's stream, once it took over, found its reader gone. */
let streamClosed = false;

/**
 * Writes all of `text` to standard output (1) or error (2). Plain system calls: making
 * process.stdout costs a command ~2 ms of stream machinery, which JSON for a script or a pipe does
 * not need. A reader of standard output that went away (`parley decks | head`) is OutputClosed, as
 * a closed pipe is no error; a non-blocking descriptor that is full hands the rest to Node's stream.
 */
function writeTo(fd: 1 | 2, text: string | Uint8Array): void {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  if (streamed.has(fd)) {
    if (fd === 1 && streamClosed) throw new OutputClosed();
    stream().write(text);
    return;
  }
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        // Nobody reads standard error any more either: there is no one left to tell.
        if (fd === 1) throw new OutputClosed();
        return;
      }
      if (code !== 'EAGAIN') throw error;
      streamed.add(fd);
      if (fd === 1) {
        // Found after the write returned: the next write stops the command, as a plain write would.
        process.stdout.on('error', (e: NodeJS.ErrnoException) => {
          if (e.code !== 'EPIPE') throw e;
          streamClosed = true;
        });
      }
      stream().write(bytes.subarray(done));
      return;
    }
  }
}

const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/**
 * The IO's writes over `put`, the one way out of parley: every control character or escape
 * sequence but the ones parley itself emits for that kind of output is shown, not obeyed (see
 * terminalSafe). Colour is the only sequence a command's output carries; standard error is never
 * coloured. Only text with an escape needs to know whether colour is on.
 */
export function safeWrites(put: (fd: 1 | 2, text: string) => void, color: () => boolean): Pick<IO, 'write' | 'out' | 'err' | 'draw'> {
  const write = (text: string) => put(1, terminalSafe(text, text.includes('\x1b') && color() ? SEQUENCES.styled : SEQUENCES.none));
  return {
    write,
    out: (text) => write(line(text)),
    err: (text) => put(2, terminalSafe(line(text), SEQUENCES.none)),
    draw: (text) => put(1, terminalSafe(text, SEQUENCES.screen)),
  };
}

export function processIO(env: NodeJS.ProcessEnv, colorFlag: boolean): IO {
  // Each stream is opened (a tty, pipe or file handle) only when a command touches it.
  let color: boolean | undefined;
  const io: IO = {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    get color() {
      return (color ??= wantsColor({ get isTTY() { return process.stdout.isTTY; } }, env, colorFlag));
    },
    get interactive() {
      return process.stderr.isTTY === true && env.TERM !== 'dumb';
    },
    get columns() {
      return process.stdout.columns || 80;
    },
    ...safeWrites(writeTo, () => io.color),
    writeBytes: (bytes) => writeTo(1, bytes),
    readInput: (buffer) => readSync(0, buffer, 0, buffer.length, null),
  };
  return io;
}
