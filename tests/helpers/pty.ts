import { spawn, type IPty } from '@lydell/node-pty';
import { CLI } from './cli.js';

/** A parley process on a real pseudo-terminal, with what it has drawn so far. */
export interface Terminal {
  pty: IPty;
  output(): string;
  /** Every byte drawn so far, escape sequences included. */
  raw(): string;
  /** Resolves once the output since the last mark contains `text`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  mark(): void;
  type(keys: string): void;
  exited: Promise<number>;
}

/** Drops escape sequences so assertions read the text a user sees. */
export function plain(text: string): string {
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\x1b[()][0-9A-B]/g, '').replace(/\r/g, '');
}

export function runInTerminal(args: string[], env: Record<string, string>, size = { cols: 80, rows: 24 }): Terminal {
  const pty = spawn(process.execPath, [CLI, ...args], {
    cols: size.cols, rows: size.rows, cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm-256color', ...env },
  });
  let buffer = '';
  let from = 0;
  const listeners = new Set<() => void>();
  pty.onData((data) => {
    buffer += data;
    for (const l of listeners) l();
  });
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  return {
    pty,
    output: () => plain(buffer),
    raw: () => buffer,
    mark: () => {
      from = buffer.length;
    },
    type: (keys) => pty.write(keys),
    exited,
    waitFor(text, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const seen = plain(buffer.slice(from));
          if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(seen);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${String(text)}; screen:\n${plain(buffer.slice(from)).slice(-2000)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}
