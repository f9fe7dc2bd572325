import { PassThrough, Writable } from 'node:stream';
import { safeWrites, type IO } from '../../src/ui/io.js';

export interface TestIOOptions {
  /** All that standard input holds: it ends after this. Without it, it stays open for `type`. */
  input?: string;
  /** Whether standard input and output are a terminal (review and prompts need one). */
  isTTY?: boolean;
  /** Whether stderr is an interactive terminal (progress bars). */
  interactive?: boolean;
  color?: boolean;
  columns?: number;
  rows?: number;
}

/** An IO whose output is kept, for tests, and the text it holds. */
export interface TestIO extends IO {
  color: boolean;
  /** What reached standard output and standard error, as a terminal would have received it. */
  stdoutText(): string;
  stderrText(): string;
  /** What writeBytes sent to standard output, in order. */
  stdoutBytes(): Uint8Array;
  /** Keys pressed, or text pasted, on standard input while a command runs. */
  type(text: string): void;
}

/** A stream standing in for a terminal or pipe; what is written to it lands in `sink`. */
function fakeOutput(sink: (text: string) => void, isTTY: boolean, columns: number, rows: number): NodeJS.WriteStream {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      sink(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { isTTY, columns, rows }) as unknown as NodeJS.WriteStream;
}

/**
 * An IO for running commands in-process: every write goes through the same filter as the real
 * writer (safeWrites: escape safety is a feature), into strings instead of descriptors. Standard
 * input gives what was typed as a pipe or, with `isTTY`, a terminal in raw mode would, to the key
 * reader and the prompter as a stream, to `import -` through readInput.
 */
export function createTestIO(options: TestIOOptions = {}): TestIO {
  const { isTTY = false, columns = 80, rows = 24 } = options;
  let stdout = '';
  let stderr = '';
  let bytes = Buffer.alloc(0);
  let unread = Buffer.alloc(0);
  const keyboard = new PassThrough();
  const stdin = Object.assign(keyboard, { isTTY, setRawMode: () => stdin }) as unknown as NodeJS.ReadStream;
  const io: TestIO = {
    stdin,
    stdout: fakeOutput((text) => (stdout += text), isTTY, columns, rows),
    stderr: fakeOutput((text) => (stderr += text), isTTY, columns, rows),
    color: options.color ?? false,
    interactive: options.interactive ?? false,
    columns,
    ...safeWrites((fd, text) => (fd === 1 ? (stdout += text) : (stderr += text)), () => io.color),
    writeBytes(chunk) {
      bytes = Buffer.concat([bytes, chunk]);
    },
    readInput(buffer) {
      const n = Math.min(buffer.length, unread.length);
      buffer.set(unread.subarray(0, n));
      unread = unread.subarray(n);
      return n;
    },
    stdoutText: () => stdout,
    stderrText: () => stderr,
    stdoutBytes: () => bytes,
    type(text) {
      unread = Buffer.concat([unread, Buffer.from(text)]);
      keyboard.write(text);
    },
  };
  if (options.input !== undefined) {
    io.type(options.input);
    keyboard.end();
  }
  return io;
}
