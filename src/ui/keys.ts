import { CONTROL_CHARS } from '../core/text/controls.js';

export type KeyName =
  | 'space' | 'enter' | '1' | '2' | '3' | '4' | 'u' | 's' | 'b' | 'p' | 'v' | 'q'
  | 'ctrl-c' | 'ctrl-d' | 'ctrl-z' | 'ctrl-u' | 'backspace' | 'escape' | 'resize';

/** What one read gives: a named key, or, while an answer is typed, the text typed or pasted. */
export type Input = KeyName | { text: string };

const CONTROL_KEYS: Readonly<Record<string, KeyName>> = {
  '\r': 'enter', '\n': 'enter', '\x03': 'ctrl-c', '\x04': 'ctrl-d', '\x1a': 'ctrl-z', '\x15': 'ctrl-u',
  '\x7f': 'backspace', '\b': 'backspace',
};

const LETTER_KEYS: Readonly<Record<string, KeyName>> = {
  ' ': 'space', '1': '1', '2': '2', '3': '3', '4': '4', u: 'u', s: 's', b: 'b', p: 'p', v: 'v', q: 'q',
};

// A CSI or SS3 sequence (arrow keys, function keys): swallowed whole so its letters are not keys.
const ESCAPE_SEQUENCE = /^\x1b(?:\[[0-?]*[ -/]*[@-~]|O.)/;
// Typed text: anything but the control characters a terminal sends for keys or would obey.
const TEXT_RUN = new RegExp(`^[^${CONTROL_CHARS}\\t\\n]+`);

/**
 * The first input at the start of `rest` and how many characters it took; `input` is undefined for
 * what means nothing (an arrow key, an unbound letter). Keys are NFKC-folded, so a Chinese input
 * method's full-width `１` or ideographic space still grades; letters in either case. While
 * `typing`, printable characters are text instead.
 */
function take(rest: string, typing: boolean): { input?: Input; length: number } {
  if (rest.startsWith('\r\n')) return { input: 'enter', length: 2 };
  if (rest[0] === '\x1b') {
    const sequence = ESCAPE_SEQUENCE.exec(rest);
    return sequence ? { length: sequence[0].length } : { input: 'escape', length: 1 };
  }
  const control = CONTROL_KEYS[rest[0]!];
  if (control) return { input: control, length: 1 };
  if (typing) {
    const run = TEXT_RUN.exec(rest);
    return run ? { input: { text: run[0] }, length: run[0].length } : { length: 1 };
  }
  const char = String.fromCodePoint(rest.codePointAt(0)!);
  return { input: LETTER_KEYS[char.normalize('NFKC').toLowerCase()], length: char.length };
}

/** Turns raw terminal bytes into named keys. */
export function parseKeys(chunk: string): KeyName[] {
  const keys: KeyName[] = [];
  for (let rest = chunk; rest.length > 0; ) {
    const { input, length } = take(rest, false);
    if (typeof input === 'string') keys.push(input);
    rest = rest.slice(length);
  }
  return keys;
}

export interface KeyReader {
  /**
   * The next key, or while `typing` the next key or run of text; null once the input has ended
   * (a pipe closed, Ctrl+D on a cooked line) or the reader was closed.
   */
  next(typing?: boolean): Promise<Input | null>;
  /**
   * Cooked mode on or off while still reading: the terminal itself echoes and edits a line, for a
   * terminal parley cannot draw on (TERM=dumb).
   */
  cooked(on: boolean): void;
  /** Hands the terminal back (cooked mode, no listener), e.g. while parley is stopped (Ctrl+Z). */
  pause(): void;
  resume(): void;
  close(): void;
}

/**
 * Reads one key at a time, no Enter needed: raw mode on a terminal, plain bytes from a pipe (for
 * scripted tests). Input is kept as it came and read a key (or text run) at a time, so a paste
 * into a typed answer ending in Enter leaves the keys after it as keys. `resize` comes from the
 * output terminal, and after a SIGCONT too: a shell may have reset the terminal while parley was
 * stopped, so the mode is set again and the screen redrawn. Ctrl+C arrives as a key, not a
 * signal, so the caller quits cleanly with every grade already kept.
 */
export function readKeys(input: NodeJS.ReadStream, output?: NodeJS.WriteStream): KeyReader {
  let pending = '';
  let resized = false;
  let ended = false;
  let wantRaw = true;
  let attached = false;
  let wake: (() => void) | undefined;
  const poke = () => {
    const waiter = wake;
    wake = undefined;
    waiter?.();
  };
  const onData = (chunk: Buffer | string) => {
    pending += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    poke();
  };
  const onEnd = () => {
    ended = true;
    poke();
  };
  const onResize = () => {
    resized = true;
    poke();
  };
  const raw = (on: boolean) => {
    if (input.isTTY) input.setRawMode(on);
  };
  const onContinue = () => {
    if (!attached) return;
    // The terminal driver remembers nothing for us: off, then on, really sets the mode again.
    raw(false);
    raw(wantRaw);
    onResize();
  };

  const attach = () => {
    raw(wantRaw);
    input.on('data', onData);
    input.resume();
    attached = true;
  };
  const detach = () => {
    attached = false;
    input.off('data', onData);
    input.pause();
    raw(false);
  };
  attach();
  input.on('end', onEnd);
  output?.on('resize', onResize);
  process.on('SIGCONT', onContinue);

  const read = (typing: boolean): Input | null | undefined => {
    if (resized) {
      resized = false;
      return 'resize';
    }
    while (pending.length > 0) {
      const { input: found, length } = take(pending, typing);
      pending = pending.slice(length);
      if (found !== undefined) return found;
    }
    return ended ? null : undefined;
  };

  return {
    async next(typing = false) {
      for (;;) {
        const found = read(typing);
        if (found !== undefined) return found;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    cooked(on) {
      wantRaw = !on;
      if (attached) raw(wantRaw);
    },
    pause: detach,
    resume: attach,
    close() {
      detach();
      input.off('end', onEnd);
      output?.off('resize', onResize);
      process.off('SIGCONT', onContinue);
      onEnd();
    },
  };
}
