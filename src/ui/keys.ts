export type KeyName =
  | 'space' | 'enter' | '1' | '2' | '3' | '4' | 'u' | 's' | 'b' | 'p' | 'q'
  | 'ctrl-c' | 'ctrl-d' | 'escape' | 'resize';

const SINGLE: Readonly<Record<string, KeyName>> = {
  ' ': 'space', '\r': 'enter', '\n': 'enter', '\x03': 'ctrl-c', '\x04': 'ctrl-d',
  '1': '1', '2': '2', '3': '3', '4': '4', u: 'u', s: 's', b: 'b', p: 'p', q: 'q',
};

// A CSI or SS3 sequence (arrow keys, function keys): swallowed whole so its letters are not keys.
const ESCAPE_SEQUENCE = /^\x1b(?:\[[0-?]*[ -/]*[@-~]|O.)/;

/**
 * Turns raw terminal bytes into named keys. NFKC first, so a Chinese input method's full-width
 * `１` or ideographic space still grades; letters in either case.
 */
export function parseKeys(chunk: string): KeyName[] {
  const keys: KeyName[] = [];
  let rest = chunk;
  while (rest.length > 0) {
    if (rest.startsWith('\r\n')) {
      keys.push('enter');
      rest = rest.slice(2);
      continue;
    }
    if (rest[0] === '\x1b') {
      const sequence = ESCAPE_SEQUENCE.exec(rest);
      if (!sequence) keys.push('escape');
      rest = rest.slice(sequence ? sequence[0].length : 1);
      continue;
    }
    const char = String.fromCodePoint(rest.codePointAt(0)!);
    const name = SINGLE[char.normalize('NFKC').toLowerCase()];
    if (name) keys.push(name);
    rest = rest.slice(char.length);
  }
  return keys;
}

export interface KeyReader {
  /** The next key; null once the input has ended (a pipe closed) or the reader was closed. */
  next(): Promise<KeyName | null>;
  /** Hands the terminal back (cooked mode, no listener), e.g. for a typed-answer prompt. */
  pause(): void;
  resume(): void;
  close(): void;
}

/**
 * Reads one key at a time, no Enter needed: raw mode on a terminal, plain bytes from a pipe (for
 * scripted tests). `resize` comes from the output terminal. Ctrl+C arrives as a key, not a signal,
 * so the caller quits cleanly with every grade already kept.
 */
export function readKeys(input: NodeJS.ReadStream, output?: NodeJS.WriteStream): KeyReader {
  const queued: KeyName[] = [];
  const waiting: Array<(key: KeyName | null) => void> = [];
  let ended = false;
  const deliver = (key: KeyName | null) => {
    const waiter = waiting.shift();
    if (waiter) waiter(key);
    else if (key) queued.push(key);
  };
  const onData = (chunk: Buffer | string) => {
    for (const key of parseKeys(typeof chunk === 'string' ? chunk : chunk.toString('utf8'))) deliver(key);
  };
  const onEnd = () => {
    ended = true;
    while (waiting.length) deliver(null);
  };
  const onResize = () => deliver('resize');
  const raw = (on: boolean) => {
    if (input.isTTY) input.setRawMode(on);
  };

  const attach = () => {
    raw(true);
    input.on('data', onData);
    input.resume();
  };
  const detach = () => {
    input.off('data', onData);
    input.pause();
    raw(false);
  };
  attach();
  input.on('end', onEnd);
  output?.on('resize', onResize);

  return {
    next() {
      const key = queued.shift();
      if (key) return Promise.resolve(key);
      if (ended) return Promise.resolve(null);
      return new Promise((resolve) => waiting.push(resolve));
    },
    pause: detach,
    resume: attach,
    close() {
      detach();
      input.off('end', onEnd);
      output?.off('resize', onResize);
      onEnd();
    },
  };
}
